import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { campaignTiers, tierSlots } from '../../db/schema/funding.js';
import type { Actor } from '../../http/auth.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { requireCampaignHost, type Campaign, type Tier } from './campaigns.js';
import { waitForPledgeWriters } from './locks.js';
import { amountIn } from './money.js';
import { activePledgesOnTier } from './pledge-queries.js';
import type { TierInput } from './schemas.js';

/** Creates the slot rows `from..to` of a limited tier (a pledge on the tier holds one). */
export async function createSlots(tx: Executor, tierId: string, from: number, to: number): Promise<void> {
  if (to < from) return;
  await tx.execute(sql`INSERT INTO tier_slots (tier_id, slot) SELECT ${tierId}, g FROM generate_series(${from}::int, ${to}::int) AS g`);
}

/** The tier row for an input, validated against the campaign (currency of amounts, donation campaigns have no tiers). */
export function tierValues(input: TierInput, campaign: Pick<Campaign, 'id' | 'currency' | 'model'>, position: number, field: string) {
  if (campaign.model === 'donation') throw invalid('donation_without_tiers', 'A donation campaign has no reward tiers.', { field });
  return {
    id: newId('tier'),
    campaignId: campaign.id,
    position,
    title: input.title,
    description: input.description ?? '',
    price: amountIn(input.price, campaign.currency, `${field}.price`),
    limitQty: input.limit ?? null,
    estimatedDelivery: input.estimatedDelivery ?? null,
    shipping: input.shipping ?? null,
  };
}

/** Inserts tiers and their slots inside the caller's transaction. */
export async function insertTiers(tx: Executor, rows: ReturnType<typeof tierValues>[]): Promise<void> {
  if (!rows.length) return;
  await tx.insert(campaignTiers).values(rows);
  for (const row of rows) if (row.limitQty) await createSlots(tx, row.id, 1, row.limitQty);
}

async function findTier(db: Executor, campaignId: string, tierId: string): Promise<Tier> {
  const [tier] = await db
    .select()
    .from(campaignTiers)
    .where(and(eq(campaignTiers.id, tierId), eq(campaignTiers.campaignId, campaignId), isNull(campaignTiers.archivedAt)));
  if (!tier) throw notFound('tier');
  return tier;
}

function requireEditable(campaign: Campaign) {
  if (campaign.status !== 'draft' && campaign.status !== 'live') {
    throw conflict('campaign_closed', 'This campaign has ended: its tiers can no longer change.');
  }
}

/**
 * Adds a reward tier to a draft or live campaign (hosts).
 * @example await addTier(ctx, actor, campaignId, { title: 'Early bird', price: 2500, limit: 100 })
 */
export async function addTier(ctx: AppContext, actor: Actor, campaignId: string, input: TierInput): Promise<string> {
  const { campaign } = await requireCampaignHost(ctx.db, campaignId, actor);
  requireEditable(campaign);
  return ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ max: sql<number>`coalesce(max(${campaignTiers.position}), -1)`.mapWith(Number) })
      .from(campaignTiers)
      .where(eq(campaignTiers.campaignId, campaign.id));
    const row = tierValues(input, campaign, (last?.max ?? -1) + 1, 'body');
    await insertTiers(tx, [row]);
    return row.id;
  });
}

/**
 * Edits a tier (hosts). On a live campaign the price and shipping are fixed (backers pledged on them),
 * and a limit can only grow: it is what backers were promised to be scarce up to.
 * @example await updateTier(ctx, actor, campaignId, tierId, { description: 'Now with stickers' })
 */
export async function updateTier(
  ctx: AppContext,
  actor: Actor,
  campaignId: string,
  tierId: string,
  patch: Partial<TierInput>,
): Promise<void> {
  const { campaign } = await requireCampaignHost(ctx.db, campaignId, actor);
  requireEditable(campaign);
  await ctx.db.transaction(async (tx) => {
    const [tier] = await tx
      .select()
      .from(campaignTiers)
      .where(and(eq(campaignTiers.id, tierId), eq(campaignTiers.campaignId, campaign.id), isNull(campaignTiers.archivedAt)))
      .for('update');
    if (!tier) throw notFound('tier');
    const set: Partial<Tier> = {};
    if (patch.title !== undefined) set.title = patch.title;
    if (patch.description !== undefined) set.description = patch.description;
    if (patch.estimatedDelivery !== undefined) set.estimatedDelivery = patch.estimatedDelivery;
    if (patch.price !== undefined) {
      const price = amountIn(patch.price, campaign.currency, 'body.price');
      if (campaign.status === 'live' && price !== tier.price)
        throw conflict('campaign_live', 'A live campaign’s tier prices cannot change.', { field: 'body.price' });
      set.price = price;
    }
    if (patch.shipping !== undefined) {
      if (campaign.status === 'live' && JSON.stringify(patch.shipping) !== JSON.stringify(tier.shipping)) {
        throw conflict('campaign_live', 'A live campaign’s shipping costs cannot change.', { field: 'body.shipping' });
      }
      set.shipping = patch.shipping;
    }
    if (patch.limit !== undefined && (patch.limit ?? null) !== tier.limitQty) {
      const limit = patch.limit ?? null;
      if (campaign.status === 'live') {
        if (limit === null || tier.limitQty === null || limit < tier.limitQty) {
          throw conflict('tier_limit_locked', 'On a live campaign a limited tier can only be given more places.', { field: 'body.limit' });
        }
        await createSlots(tx, tier.id, tier.limitQty + 1, limit);
      } else {
        await tx.delete(tierSlots).where(eq(tierSlots.tierId, tier.id));
        if (limit) await createSlots(tx, tier.id, 1, limit);
      }
      set.limitQty = limit;
    }
    if (Object.keys(set).length) await tx.update(campaignTiers).set(set).where(eq(campaignTiers.id, tier.id));
  });
}

/**
 * Deletes a tier nobody pledged on (hosts). It is archived first, then pledges being written are waited
 * for, so a pledge racing the deletion is either seen (and the deletion refused) or refused itself.
 * @example await deleteTier(ctx, actor, campaignId, tierId)
 */
export async function deleteTier(ctx: AppContext, actor: Actor, campaignId: string, tierId: string): Promise<void> {
  const { campaign } = await requireCampaignHost(ctx.db, campaignId, actor);
  requireEditable(campaign);
  const tier = await findTier(ctx.db, campaign.id, tierId);
  await ctx.db.update(campaignTiers).set({ archivedAt: ctx.clock.now() }).where(eq(campaignTiers.id, tier.id));
  const taken = await ctx.db.transaction(async (tx) => {
    await waitForPledgeWriters(tx);
    return activePledgesOnTier(tx, tier.id);
  });
  if (taken > 0) {
    await ctx.db.update(campaignTiers).set({ archivedAt: null }).where(eq(campaignTiers.id, tier.id));
    throw conflict('tier_has_backers', 'This tier has backers: it cannot be deleted.');
  }
}
