import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from './util.js';

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

/** Frees the place a pledge held (cancelled, dropped, or moved to another tier). */
export async function releaseSlot(tx: Executor, pledgeId: string): Promise<void> {
  await tx.execute(sql`UPDATE tier_slots SET pledge_id = NULL WHERE pledge_id = ${pledgeId}`);
}
