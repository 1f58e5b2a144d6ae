// Statements on one pledge at a time, and on the answers kept for pledge requests (pledges, pledge_requests).
import { and, asc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { campaigns, pledgeRequests, pledges, type PledgeStatus } from '../../db/schema/funding.js';
import { projectHiddenSql } from '../projects/project-sql.js';

export type Pledge = typeof pledges.$inferSelect;
export type { PledgeStatus };

/** Statuses of a pledge that still stands (it holds its tier place and its one-per-backer slot). */
export const ACTIVE_STATUSES: PledgeStatus[] = ['collecting', 'pending', 'charging', 'collected', 'errored'];

/** How many standing pledges a tier has. */
export async function activePledgesOnTier(db: Executor, tierId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(pledges)
    .where(and(eq(pledges.tierId, tierId), inArray(pledges.status, ACTIVE_STATUSES)));
  return row?.n ?? 0;
}

/** The pledge as the API shows it. */
export function presentPledge(p: Pledge) {
  return {
    id: p.id,
    campaignId: p.campaignId,
    tierId: p.tierId,
    status: p.status === 'charging' ? 'pending' : p.status,
    amount: { amount: p.amount, currency: p.currency },
    shippingCountry: p.shippingCountry,
    shippingCost: p.shippingCost,
    paymentMethod: p.methodLabel,
    refunded: p.refundedAmount,
    fixDeadline: p.status === 'errored' ? (p.fixDeadline?.toISOString() ?? null) : null,
    failureMessage: p.status === 'errored' ? p.failureMessage : null,
    createdAt: p.createdAt.toISOString(),
    collectedAt: p.collectedAt?.toISOString() ?? null,
  };
}

/** One pledge, or undefined. */
export async function selectPledge(db: Executor, id: string): Promise<Pledge | undefined> {
  const [p] = await db.select().from(pledges).where(eq(pledges.id, id)).limit(1);
  return p;
}

/** One pledge locked for update until the caller's transaction ends. */
export async function selectPledgeForUpdate(tx: Executor, id: string): Promise<Pledge | undefined> {
  const [p] = await tx.select().from(pledges).where(eq(pledges.id, id)).for('update');
  return p;
}

/** A backer's standing pledges on a campaign (their ids). */
export async function selectStandingPledgeIds(db: Executor, campaignId: string, backerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: pledges.id })
    .from(pledges)
    .where(and(eq(pledges.campaignId, campaignId), eq(pledges.backerId, backerId), inArray(pledges.status, ACTIVE_STATUSES)));
  return rows.map((r) => r.id);
}

/** Sums of a campaign's pledges in `statuses`: per tier, and in total (`total` = 1), net of refunds. */
export function sumPledgesOfCampaign(db: Executor, campaignId: string, statuses: readonly string[]) {
  return db
    .select({
      tierId: pledges.tierId,
      total: sql<number>`grouping(${pledges.tierId})`.mapWith(Number),
      pledges: sql<number>`count(*)`.mapWith(Number),
      backers: sql<number>`count(DISTINCT ${pledges.backerId})`.mapWith(Number),
      raised: sql<number>`coalesce(sum(${pledges.amount} - ${pledges.refundedAmount}), 0)`.mapWith(Number),
    })
    .from(pledges)
    .where(and(eq(pledges.campaignId, campaignId), inArray(pledges.status, statuses as PledgeStatus[])))
    .groupBy(sql`GROUPING SETS ((${pledges.tierId}), ())`);
}

/** How many pledges a campaign has in each status, and their amounts. */
export function countPledgesByStatus(db: Executor, campaignId: string) {
  return db
    .select({
      status: pledges.status,
      n: sql<number>`count(*)`.mapWith(Number),
      amount: sql<number>`coalesce(sum(${pledges.amount}), 0)`.mapWith(Number),
    })
    .from(pledges)
    .where(eq(pledges.campaignId, campaignId))
    .groupBy(pledges.status);
}

/** What an earlier request with this key left: its pledge, or its stored error answer. One round trip. */
export interface PriorRequest {
  kind: 'pledge' | 'request';
  id: string | null;
  request_hash: string | null;
  body: string | null;
  status: string | null;
  status_code: number | null;
}

export async function selectPriorRequest(db: Executor, backerId: string, key: string): Promise<PriorRequest | undefined> {
  const result = await db.execute(sql`
    SELECT 'pledge' AS kind, id, request_hash, first_answer AS body, status, NULL::int AS status_code
      FROM pledges WHERE backer_id = ${backerId} AND idempotency_key = ${key}
    UNION ALL
    SELECT 'request', NULL, request_hash, body, NULL, status_code
      FROM pledge_requests WHERE backer_id = ${backerId} AND idempotency_key = ${key}`);
  return rowsOf<PriorRequest>(result)[0];
}

/** Keeps a failed request's answer for its key (the first one kept wins). */
export async function insertPledgeRequest(db: Executor, row: typeof pledgeRequests.$inferInsert): Promise<void> {
  await db.insert(pledgeRequests).values(row).onConflictDoNothing();
}

/** Forgets failed answers kept since before `cutoff`; how many. */
export async function deletePledgeRequestsBefore(db: Executor, cutoff: Date): Promise<number> {
  const gone = await db.delete(pledgeRequests).where(lt(pledgeRequests.createdAt, cutoff)).returning({ k: pledgeRequests.idempotencyKey });
  return gone.length;
}

/** What decides why a guarded pledge write wrote nothing, read at once (undefined for no such campaign). */
export async function selectPledgeRefusalFacts(db: Executor, campaignId: string, backerId: string, tierId: string | null) {
  const result = await db.execute(sql`
    SELECT c.status, c.closed_at, c.deadline, ${projectHiddenSql(sql`c.project_id`)} AS project_hidden,
      (SELECT id FROM pledges WHERE campaign_id = c.id AND backer_id = ${backerId} AND single
         AND status IN ('collecting', 'pending', 'charging', 'collected', 'errored') LIMIT 1) AS existing,
      (${tierId}::text IS NULL OR EXISTS (SELECT 1 FROM campaign_tiers t WHERE t.id = ${tierId} AND t.campaign_id = c.id AND t.archived_at IS NULL)) AS tier_ok
    FROM campaigns c WHERE c.id = ${campaignId}`);
  return rowsOf<{
    status: string;
    closed_at: unknown;
    deadline: string | Date;
    project_hidden: boolean | null;
    existing: string | null;
    tier_ok: boolean;
  }>(result)[0];
}

/**
 * Touches a pledge in `statuses` (a write, so settlement waits for the caller's transaction), only while its campaign
 * takes changes when `requireLive`: the campaign part of the pledge rule (pledge-rule.ts), in SQL so that it holds at
 * the instant of the lock. False when nothing was touched.
 */
export async function touchPledgeIfChangeable(
  tx: Executor,
  id: string,
  statuses: PledgeStatus[],
  now: Date,
  requireLive: boolean,
): Promise<boolean> {
  const statusList = sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await tx.execute(sql`
    UPDATE pledges p SET updated_at = ${now.toISOString()}::timestamptz
    WHERE p.id = ${id} AND p.status IN (${statusList})
      AND (${!requireLive} OR EXISTS (SELECT 1 FROM campaigns c WHERE c.id = p.campaign_id AND c.status = 'live' AND c.closed_at IS NULL AND c.deadline > ${now.toISOString()}::timestamptz))
    RETURNING p.id`);
  return rowsOf(result).length > 0;
}

/** Sets columns of a pledge; the pledge as written. */
export async function updatePledgeRow(tx: Executor, id: string, set: Partial<Pledge>): Promise<Pledge | undefined> {
  const [row] = await tx.update(pledges).set(set).where(eq(pledges.id, id)).returning();
  return row;
}

/** Removes a pledge still `collecting` (its charge refused or never made); false when it was not. */
export async function deleteCollectingPledge(tx: Executor, id: string): Promise<boolean> {
  const gone = await tx
    .delete(pledges)
    .where(and(eq(pledges.id, id), eq(pledges.status, 'collecting')))
    .returning({ id: pledges.id });
  return gone.length > 0;
}

/** Records a pledge collected, only if it is still as read (`status`, charge number); the pledge, or undefined. */
export async function markPledgeCollected(
  tx: Executor,
  read: Pick<Pledge, 'id' | 'status' | 'chargeSeq'>,
  set: Pick<Pledge, 'chargeRef' | 'collectedAt' | 'paymentFee' | 'platformFee' | 'updatedAt' | 'firstAnswer'>,
): Promise<Pledge | undefined> {
  const [updated] = await tx
    .update(pledges)
    .set({ ...set, status: 'collected', leaseUntil: null, failureMessage: null })
    .where(and(eq(pledges.id, read.id), eq(pledges.status, read.status), eq(pledges.chargeSeq, read.chargeSeq)))
    .returning();
  return updated;
}

/** Takes an errored pledge back to `charging` with another card (next charge number), while its fix window is open. */
export async function rechargeErroredPledge(
  tx: Executor,
  id: string,
  method: { provider: string; token: string; label: string },
  now: Date,
  leaseUntil: Date,
): Promise<Pledge | undefined> {
  const [row] = await tx
    .update(pledges)
    .set({
      status: 'charging',
      provider: method.provider,
      methodToken: method.token,
      methodLabel: method.label,
      chargeSeq: sql`${pledges.chargeSeq} + 1`,
      leaseUntil,
      updatedAt: now,
    })
    .where(and(eq(pledges.id, id), eq(pledges.status, 'errored'), gt(pledges.fixDeadline, now)))
    .returning();
  return row;
}

/** Gives back what a refused refund had taken off a pledge: it counts in full again, collected. */
export async function restoreRefundedAmount(tx: Executor, id: string, amount: number, now: Date): Promise<void> {
  await tx
    .update(pledges)
    .set({ refundedAmount: sql`${pledges.refundedAmount} - ${amount}`, status: 'collected', updatedAt: now })
    .where(eq(pledges.id, id));
}

/** A backer's pledges in `statuses`, oldest id first. */
export async function selectPledgeIdsOfBacker(db: Executor, backerId: string, statuses: PledgeStatus[]): Promise<string[]> {
  const rows = await db
    .select({ id: pledges.id })
    .from(pledges)
    .where(and(eq(pledges.backerId, backerId), inArray(pledges.status, statuses)))
    .orderBy(pledges.id);
  return rows.map((r) => r.id);
}

/** Statuses of a pledge that make its backer a backer of the project. */
type BackingStatus = 'pending' | 'charging' | 'collected';

/** The distinct backers of a project's campaigns with a pledge in `statuses`. */
export async function selectBackerIdsOfProject(db: Executor, projectId: string, statuses: readonly BackingStatus[]): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: pledges.backerId })
    .from(pledges)
    .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
    .where(and(eq(campaigns.projectId, projectId), inArray(pledges.status, [...statuses])));
  return rows.map((r) => r.userId);
}

/** Whether a person has a pledge in `statuses` on one of a project's campaigns. */
export async function hasPledgeOnProject(db: Executor, projectId: string, userId: string, statuses: readonly BackingStatus[]) {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(pledges)
    .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
    .where(and(eq(pledges.backerId, userId), eq(campaigns.projectId, projectId), inArray(pledges.status, [...statuses])))
    .limit(1);
  return rows.length > 0;
}

/** A person's pledges with their campaign's title and project, oldest first (their data export). */
export function selectPledgesForExport(db: Executor, backerId: string) {
  return db
    .select({ p: pledges, campaignTitle: campaigns.title, projectId: campaigns.projectId })
    .from(pledges)
    .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
    .where(eq(pledges.backerId, backerId))
    .orderBy(asc(pledges.createdAt), asc(pledges.id));
}

/**
 * A backer's pledges that settlement has not finished with: being charged, or pending on a campaign that no longer
 * takes changes (past its deadline, closed, or decided).
 */
export function selectPledgesInSettlement(db: Executor, backerId: string, now: Date) {
  return db
    .select({ id: pledges.id, campaignId: pledges.campaignId })
    .from(pledges)
    .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
    .where(
      and(
        eq(pledges.backerId, backerId),
        or(
          inArray(pledges.status, ['collecting', 'charging']),
          and(
            eq(pledges.status, 'pending'),
            sql`NOT (${campaigns.status} = 'live' AND ${campaigns.closedAt} IS NULL AND ${campaigns.deadline} > ${now.toISOString()}::timestamptz)`,
          ),
        ),
      ),
    )
    .orderBy(asc(pledges.id));
}

/** Erasure: the masked card number shown on a person's pledges is removed. */
export async function eraseMethodLabels(tx: Executor, backerId: string): Promise<void> {
  await tx.update(pledges).set({ methodLabel: 'erased' }).where(eq(pledges.backerId, backerId));
}
