// Locks: what serializes pledges against settlement, and money flows on one key.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';

/**
 * Waits until every transaction writing pledges right now has finished, then returns (inside the caller's
 * transaction; commit soon after). A pledge checks its campaign and tier in the same statement that writes
 * it, so once a campaign is closed (or a tier archived) and this returns, no pledge that saw the old state
 * can still appear. SHARE mode conflicts only with writers, and only for this instant: pledges never
 * lock the campaign row, which keeps one hot campaign from serializing its backers.
 */
export async function waitForPledgeWriters(tx: Executor): Promise<void> {
  await tx.execute(sql`LOCK TABLE pledges IN SHARE MODE`);
}

/**
 * Serializes money flows on one key (a host balance, a campaign's escrow) until the transaction ends.
 * @example await lockKey(tx, `host:${owner}`)
 */
export async function lockKey(tx: Executor, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/** Serializes what reads and moves a host's balance in one currency (refunds from it, payouts). */
export function lockHostBalance(tx: Executor, owner: string, currency: string): Promise<void> {
  return lockKey(tx, `host:${owner}:${currency}`);
}
