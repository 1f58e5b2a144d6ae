// Every statement on reward tiers and their places (campaign_tiers, tier_slots).
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { campaignTiers, tierSlots } from '../../db/schema/funding.js';
import { rowsOf } from '../../db/rows.js';

export type Tier = typeof campaignTiers.$inferSelect;
export type NewTier = typeof campaignTiers.$inferInsert;

/** Every tier of a campaign, archived ones included. */
export function selectTiersOfCampaign(db: Executor, campaignId: string): Promise<Tier[]> {
  return db.select().from(campaignTiers).where(eq(campaignTiers.campaignId, campaignId));
}

/** A campaign's tiers, archived ones left out, in order. */
export function selectOpenTiers(db: Executor, campaignId: string): Promise<Tier[]> {
  return db
    .select()
    .from(campaignTiers)
    .where(and(eq(campaignTiers.campaignId, campaignId), isNull(campaignTiers.archivedAt)))
    .orderBy(asc(campaignTiers.position), asc(campaignTiers.id));
}

/** One unarchived tier of a campaign (locked for update when asked), or undefined. */
export async function selectOpenTier(db: Executor, campaignId: string, tierId: string, forUpdate = false): Promise<Tier | undefined> {
  const query = db
    .select()
    .from(campaignTiers)
    .where(and(eq(campaignTiers.id, tierId), eq(campaignTiers.campaignId, campaignId), isNull(campaignTiers.archivedAt)));
  const [tier] = forUpdate ? await query.for('update') : await query;
  return tier;
}

/** The highest tier position of a campaign (-1 with no tier). */
export async function selectLastTierPosition(db: Executor, campaignId: string): Promise<number> {
  const [last] = await db
    .select({ max: sql<number>`coalesce(max(${campaignTiers.position}), -1)`.mapWith(Number) })
    .from(campaignTiers)
    .where(eq(campaignTiers.campaignId, campaignId));
  return last?.max ?? -1;
}

export async function insertTierRows(tx: Executor, rows: NewTier[]): Promise<void> {
  await tx.insert(campaignTiers).values(rows);
}

export async function updateTierRow(db: Executor, tierId: string, set: Partial<Tier>): Promise<void> {
  await db.update(campaignTiers).set(set).where(eq(campaignTiers.id, tierId));
}

/** Creates the place rows `from..to` of a limited tier (a pledge on the tier holds one). */
export async function insertSlots(tx: Executor, tierId: string, from: number, to: number): Promise<void> {
  if (to < from) return;
  await tx.execute(sql`INSERT INTO tier_slots (tier_id, slot) SELECT ${tierId}, g FROM generate_series(${from}::int, ${to}::int) AS g`);
}

export async function deleteSlots(tx: Executor, tierId: string): Promise<void> {
  await tx.delete(tierSlots).where(eq(tierSlots.tierId, tierId));
}

/** Free places of limited tiers: what each has left. */
export async function countFreeSlots(db: Executor, tierIds: string[]): Promise<Map<string, number>> {
  if (!tierIds.length) return new Map();
  const rows = await db
    .select({ tierId: tierSlots.tierId, free: sql<number>`count(*)`.mapWith(Number) })
    .from(tierSlots)
    .where(and(inArray(tierSlots.tierId, tierIds), isNull(tierSlots.pledgeId)))
    .groupBy(tierSlots.tierId);
  return new Map(rows.map((r) => [r.tierId, r.free]));
}

/**
 * Claims a free place of a limited tier for a pledge, inside the caller's transaction, or returns false
 * when the tier is sold out. Free places are taken with FOR UPDATE SKIP LOCKED, so concurrent backers
 * take different ones without waiting; only when every free place is held by an unfinished transaction
 * does it wait for one of them, so a place freed by a rollback is not missed.
 * @example if (!(await claimSlot(tx, tierId, pledgeId))) throw conflict('tier_sold_out', '…')
 */
export async function claimSlot(tx: Executor, tierId: string, pledgeId: string): Promise<boolean> {
  const taken = await tx.execute(sql`
    UPDATE tier_slots SET pledge_id = ${pledgeId}
    WHERE (tier_id, slot) = (SELECT tier_id, slot FROM tier_slots WHERE tier_id = ${tierId} AND pledge_id IS NULL ORDER BY slot LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING slot`);
  if (rowsOf(taken).length) return true;
  for (let attempt = 0; attempt < 3; attempt++) {
    // Every free place is locked by someone else (or none is left): wait for one, re-checked after its holder ends.
    const waited = await tx.execute(sql`
      UPDATE tier_slots SET pledge_id = ${pledgeId}
      WHERE (tier_id, slot) = (SELECT tier_id, slot FROM tier_slots WHERE tier_id = ${tierId} AND pledge_id IS NULL ORDER BY slot LIMIT 1 FOR UPDATE)
      RETURNING slot`);
    if (rowsOf(waited).length) return true;
    const left = await tx.execute(sql`SELECT 1 FROM tier_slots WHERE tier_id = ${tierId} AND pledge_id IS NULL LIMIT 1`);
    if (!rowsOf(left).length) return false;
  }
  return false;
}

/** Frees the places these pledges held (cancelled, dropped, refunded, or moved to another tier). */
export async function releaseSlots(tx: Executor, pledgeIds: string[]): Promise<void> {
  if (!pledgeIds.length) return;
  if (pledgeIds.length === 1) {
    await tx.execute(sql`UPDATE tier_slots SET pledge_id = NULL WHERE pledge_id = ${pledgeIds[0]}`);
    return;
  }
  await tx.execute(
    sql`UPDATE tier_slots SET pledge_id = NULL WHERE pledge_id IN (${sql.join(
      pledgeIds.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
}

/** Frees the place a pledge held. */
export function releaseSlot(tx: Executor, pledgeId: string): Promise<void> {
  return releaseSlots(tx, [pledgeId]);
}
