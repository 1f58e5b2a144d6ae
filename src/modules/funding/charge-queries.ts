// Statements of settlement and recovery on many pledges at once: claiming them to charge, recording the outcomes of a
// batch (written-out SQL: measured by bench/settlement.ts), voiding, dropping, and finding interrupted work.
import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { campaigns, pledges } from '../../db/schema/funding.js';
import type { Pledge } from './pledge-queries.js';

/**
 * Claims up to `limit` pledges of a campaign to charge: pending ones (their charge number goes up by one)
 * and ones whose earlier claim lapsed (same charge number, so the same charge key). FOR UPDATE SKIP LOCKED
 * lets several workers share a campaign.
 */
export function claimPledgesToCharge(db: Executor, campaignId: string, limit: number, now: Date, leaseUntil: Date): Promise<Pledge[]> {
  const candidates = db
    .select({ id: pledges.id })
    .from(pledges)
    .where(
      sql`${pledges.campaignId} = ${campaignId} AND (${pledges.status} = 'pending' OR (${pledges.status} = 'charging' AND ${pledges.leaseUntil} < ${now.toISOString()}::timestamptz))`,
    )
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(pledges)
    .set({
      status: 'charging',
      chargeSeq: sql`CASE WHEN ${pledges.status} = 'pending' THEN ${pledges.chargeSeq} + 1 ELSE ${pledges.chargeSeq} END`,
      leaseUntil,
      updatedAt: now,
    })
    .where(inArray(pledges.id, candidates))
    .returning();
}

/** Takes over `charging` pledges past their lease on settled campaigns (a fixed card whose request stopped). */
export function claimStaleChargingOfSettled(db: Executor, now: Date, leaseUntil: Date, limit: number): Promise<Pledge[]> {
  const candidates = db
    .select({ id: pledges.id })
    .from(pledges)
    .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
    .where(and(eq(pledges.status, 'charging'), lt(pledges.leaseUntil, now), isNotNull(campaigns.settledAt)))
    .limit(limit)
    .for('update', { of: pledges, skipLocked: true });
  return db
    .update(pledges)
    .set({ leaseUntil, updatedAt: now })
    .where(and(inArray(pledges.id, candidates), eq(pledges.status, 'charging')))
    .returning();
}

export interface Collected {
  id: string;
  chargeSeq: number;
  chargeId: string;
  paymentFee: number;
  platformFee: number;
}

/** Records charged pledges collected, each only if still `charging` with this charge number; the ids recorded. */
export async function markBatchCollected(tx: Executor, batch: Collected[], now: Date): Promise<Set<string>> {
  const col = <T>(f: (x: Collected) => T) => sql.param(batch.map(f));
  const done = await tx.execute(sql`
    UPDATE pledges p SET status = 'collected', charge_ref = v.charge_ref, collected_at = ${now.toISOString()}::timestamptz,
      payment_fee = v.payment_fee, platform_fee = v.platform_fee, lease_until = NULL, failure_message = NULL, updated_at = ${now.toISOString()}::timestamptz
    FROM unnest(${col((x) => x.id)}::text[], ${col((x) => x.chargeSeq)}::int[], ${col((x) => x.chargeId)}::text[],
      ${col((x) => x.paymentFee)}::bigint[], ${col((x) => x.platformFee)}::bigint[]) AS v(id, seq, charge_ref, payment_fee, platform_fee)
    WHERE p.id = v.id AND p.status = 'charging' AND p.charge_seq = v.seq
    RETURNING p.id`);
  return new Set(rowsOf<{ id: string }>(done).map((r) => r.id));
}

/**
 * Records refused charges errored (the first failure sets the time to fix by), each only if still `charging` with
 * this charge number; the fix deadline of each recorded, by id.
 */
export async function markBatchErrored(
  tx: Executor,
  batch: { id: string; chargeSeq: number; message: string }[],
  now: Date,
  fixBy: Date,
): Promise<Map<string, Date>> {
  const values = sql.join(
    batch.map((f) => sql`(${f.id}, ${f.chargeSeq}::int, ${f.message})`),
    sql`, `,
  );
  const done = await tx.execute(sql`
    UPDATE pledges p SET status = 'errored', errored_at = coalesce(p.errored_at, ${now.toISOString()}::timestamptz),
      fix_deadline = coalesce(p.fix_deadline, ${fixBy.toISOString()}::timestamptz), failure_message = v.message, lease_until = NULL, updated_at = ${now.toISOString()}::timestamptz
    FROM (VALUES ${values}) AS v(id, seq, message)
    WHERE p.id = v.id AND p.status = 'charging' AND p.charge_seq = v.seq
    RETURNING p.id, p.fix_deadline`);
  return new Map(rowsOf<{ id: string; fix_deadline: string | Date }>(done).map((r) => [r.id, new Date(r.fix_deadline)]));
}

/** `collecting` pledges past their lease (their request was interrupted), of one campaign or all. */
export function selectStaleCollecting(db: Executor, now: Date, campaignId: string | undefined, limit: number): Promise<Pledge[]> {
  return db
    .select()
    .from(pledges)
    .where(and(eq(pledges.status, 'collecting'), lt(pledges.leaseUntil, now), campaignId ? eq(pledges.campaignId, campaignId) : undefined))
    .limit(limit);
}

/** Drops up to `limit` errored pledges whose time to fix is over (skipping locked ones); who they were. */
export function dropExpiredErroredPledges(tx: Executor, now: Date, limit: number) {
  const candidates = tx
    .select({ id: pledges.id })
    .from(pledges)
    .where(and(eq(pledges.status, 'errored'), lt(pledges.fixDeadline, now)))
    .limit(limit)
    .for('update', { skipLocked: true });
  return tx
    .update(pledges)
    .set({ status: 'dropped', updatedAt: now })
    .where(inArray(pledges.id, candidates))
    .returning({ id: pledges.id, backerId: pledges.backerId, campaignId: pledges.campaignId });
}

/** Voids up to `limit` pending pledges of a campaign (skipping locked ones); their backers. */
export async function voidPendingPledges(tx: Executor, campaignId: string, now: Date, limit: number): Promise<string[]> {
  const candidates = tx
    .select({ id: pledges.id })
    .from(pledges)
    .where(and(eq(pledges.campaignId, campaignId), eq(pledges.status, 'pending')))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await tx
    .update(pledges)
    .set({ status: 'voided', updatedAt: now })
    .where(inArray(pledges.id, candidates))
    .returning({ backerId: pledges.backerId });
  return rows.map((r) => r.backerId);
}

/** What a campaign raised (pledges standing, net of refunds) and how many of its pledges were charged at once. */
export async function selectRaisedAndCharged(tx: Executor, campaignId: string): Promise<{ raised: number; charged: number }> {
  const [totals] = rowsOf<{ raised: string; charged: number }>(
    await tx.execute(sql`SELECT coalesce(sum(amount - refunded_amount) FILTER (WHERE status IN ('pending', 'charging', 'collected')), 0) AS raised,
        count(*) FILTER (WHERE status IN ('collecting', 'collected'))::int AS charged
        FROM pledges WHERE campaign_id = ${campaignId}`),
  );
  return { raised: Number(totals?.raised ?? 0), charged: Number(totals?.charged ?? 0) };
}

/** How many of a campaign's pledges settlement has not finished with (to charge, being charged, or collecting). */
export async function countUnfinishedPledges(db: Executor, campaignId: string): Promise<number> {
  const [left] = rowsOf<{ n: number }>(
    await db.execute(
      sql`SELECT count(*)::int AS n FROM pledges WHERE campaign_id = ${campaignId} AND status IN ('pending', 'charging', 'collecting')`,
    ),
  );
  return Number(left?.n ?? 0);
}
