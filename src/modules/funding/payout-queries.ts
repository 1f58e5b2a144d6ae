// Every statement on payouts.
import { and, asc, desc, eq, lt, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { payouts } from '../../db/schema/funding.js';

export type Payout = typeof payouts.$inferSelect;

/** The payout as the API shows it. */
export function presentPayout(p: Payout) {
  return {
    id: p.id,
    owner: p.owner,
    amount: { amount: p.amount, currency: p.currency },
    status: p.status,
    failureMessage: p.failureMessage,
    createdAt: p.createdAt.toISOString(),
    completedAt: p.completedAt?.toISOString() ?? null,
  };
}

export async function selectPayout(db: Executor, id: string): Promise<Payout | undefined> {
  const [payout] = await db.select().from(payouts).where(eq(payouts.id, id));
  return payout;
}

export async function insertPayout(tx: Executor, payout: Payout): Promise<void> {
  await tx.insert(payouts).values(payout);
}

/** A host's latest payouts, newest first. */
export function selectRecentPayouts(db: Executor, owner: string, limit: number): Promise<Payout[]> {
  return db.select().from(payouts).where(eq(payouts.owner, owner)).orderBy(desc(payouts.createdAt)).limit(limit);
}

/** Records the processor's answer to a payout still `processing`; the payout, or undefined when already recorded. */
export async function completePayoutRow(
  tx: Executor,
  id: string,
  set: Pick<Payout, 'status' | 'completedAt'> & Partial<Pick<Payout, 'providerRef' | 'failureMessage'>>,
): Promise<Payout | undefined> {
  const [done] = await tx
    .update(payouts)
    .set(set)
    .where(and(eq(payouts.id, id), eq(payouts.status, 'processing')))
    .returning();
  return done;
}

/** Payouts still `processing` since before `cutoff` (interrupted between their two steps). */
export async function selectStalePayoutIds(db: Executor, cutoff: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: payouts.id })
    .from(payouts)
    .where(and(eq(payouts.status, 'processing'), lt(payouts.createdAt, cutoff)))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** The payouts a person asked for or received, oldest first, as their data export shows them. */
export function selectPayoutsOfPerson(db: Executor, userId: string) {
  return db
    .select({
      id: payouts.id,
      owner: payouts.owner,
      amount: payouts.amount,
      currency: payouts.currency,
      status: payouts.status,
      createdAt: payouts.createdAt,
      completedAt: payouts.completedAt,
    })
    .from(payouts)
    .where(or(eq(payouts.requestedBy, userId), eq(payouts.owner, `user:${userId}`)))
    .orderBy(asc(payouts.createdAt));
}
