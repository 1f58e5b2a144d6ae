// Every statement on refunds (pledge_refunds).
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pick } from '../../db/select.js';
import { pledgeRefunds } from '../../db/schema/funding.js';

export type Refund = typeof pledgeRefunds.$inferSelect;

export async function selectRefund(db: Executor, id: string): Promise<Refund | undefined> {
  const [refund] = await db.select().from(pledgeRefunds).where(eq(pledgeRefunds.id, id));
  return refund;
}

export async function insertRefund(tx: Executor, refund: Refund): Promise<void> {
  await tx.insert(pledgeRefunds).values(refund);
}

/** The platform fee already given back on a pledge by its refunds (failed ones left out). */
export async function selectPlatformFeeReturned(tx: Executor, pledgeId: string): Promise<number> {
  const [returned] = await tx
    .select({ total: sql<number>`coalesce(sum(${pledgeRefunds.platformFeeReturned}), 0)`.mapWith(Number) })
    .from(pledgeRefunds)
    .where(and(eq(pledgeRefunds.pledgeId, pledgeId), sql`${pledgeRefunds.status} <> 'failed'`));
  return returned?.total ?? 0;
}

/** Records the processor's answer to a refund still `processing`; the refund, or undefined when already recorded. */
export async function completeRefundRow(
  tx: Executor,
  id: string,
  set: Pick<Refund, 'status' | 'completedAt'> & Partial<Pick<Refund, 'providerRef'>>,
): Promise<Refund | undefined> {
  const [done] = await tx
    .update(pledgeRefunds)
    .set(set)
    .where(and(eq(pledgeRefunds.id, id), eq(pledgeRefunds.status, 'processing')))
    .returning();
  return done;
}

/** Refunds still `processing` since before `cutoff` (interrupted between their two steps). */
export async function selectStaleRefundIds(db: Executor, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: pledgeRefunds.id })
    .from(pledgeRefunds)
    .where(and(eq(pledgeRefunds.status, 'processing'), lt(pledgeRefunds.createdAt, cutoff)))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** The refunds of these pledges, oldest first, as a person's data export shows them. */
export function selectRefundsOfPledges(db: Executor, pledgeIds: string[]) {
  return db
    .select(pick(pledgeRefunds, ['id', 'pledgeId', 'amount', 'currency', 'reason', 'status', 'createdAt', 'completedAt']))
    .from(pledgeRefunds)
    .where(inArray(pledgeRefunds.pledgeId, pledgeIds))
    .orderBy(asc(pledgeRefunds.createdAt));
}
