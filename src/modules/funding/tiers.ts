import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { conflict, invalid, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { requireCampaignHost, type Campaign, type Tier } from './campaigns.js';
import { waitForPledgeWriters } from './lock-queries.js';
import { amountIn } from './money.js';
import { activePledgesOnTier } from './pledge-queries.js';
import type { TierInput } from './schemas.js';
import { deleteSlots, insertSlots, insertTierRows, selectLastTierPosition, selectOpenTier, updateTierRow } from './tier-queries.js';

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
  await insertTierRows(tx, rows);
  for (const row of rows) if (row.limitQty) await insertSlots(tx, row.id, 1, row.limitQty);
}

async function findTier(db: Executor, campaignId: string, tierId: string): Promise<Tier> {
  const tier = await selectOpenTier(db, campaignId, tierId);
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
    const row = tierValues(input, campaign, (await selectLastTierPosition(tx, campaign.id)) + 1, 'body');
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
    const tier = await selectOpenTier(tx, campaign.id, tierId, true);
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
        await insertSlots(tx, tier.id, tier.limitQty + 1, limit);
      } else {
        await deleteSlots(tx, tier.id);
        if (limit) await insertSlots(tx, tier.id, 1, limit);
      }
      set.limitQty = limit;
    }
    if (Object.keys(set).length) await updateTierRow(tx, tier.id, set);
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
  await updateTierRow(ctx.db, tier.id, { archivedAt: ctx.clock.now() });
  const taken = await ctx.db.transaction(async (tx) => {
    await waitForPledgeWriters(tx);
    return activePledgesOnTier(tx, tier.id);
  });
  if (taken > 0) {
    await updateTierRow(ctx.db, tier.id, { archivedAt: null });
    throw conflict('tier_has_backers', 'This tier has backers: it cannot be deleted.');
  }
}
