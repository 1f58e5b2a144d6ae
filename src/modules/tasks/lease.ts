// Leasing the next item to a worker: one short transaction, items locked with FOR UPDATE SKIP LOCKED.
//
// Guarantees: an item never takes more answers than it wants (answers_count + leased_count < wanted is
// checked on the locked row and both counters move in the same transaction), and a worker never gets one item
// twice (NOT EXISTS on their assignment, backed by the unique (item_id, worker_ref) constraint). Expired leases
// need no job to be freed: when no item is available, the lease itself reclaims one item's expired leases.
// Lock order everywhere: the worker's counter row, then the item row, then assignment rows.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { AppError, conflict } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import { viewBatch, type Batch } from './access.js';
import { instructionsHtml } from './create-batch.js';

type Rows<T> = { rows: T[] };
const rowsOf = <T>(res: unknown) => (res as Rows<T>).rows;

interface PickedItem {
  id: string;
  data: Record<string, unknown>;
}

export interface Lease {
  id: string;
  item: PickedItem;
  batch: { id: string; title: string; instructionsHtml: string; answer: { kind: Batch['answerKind']; labels: string[] }; reward: { amount: number; currency: string } | null };
  expiresAt: string;
  progress: { done: number; total: number };
}

/** The worker's gold record, and whether it still qualifies them for the batch. */
export function qualification(batch: Batch, w: { gold_answers: number; gold_correct: number } | undefined) {
  if (!batch.minGoldAnswers || !w || w.gold_answers < batch.minGoldAnswers) return { qualified: true as const };
  const accuracy = w.gold_correct / w.gold_answers;
  if (accuracy >= (batch.minGoldAccuracy ?? 0)) return { qualified: true as const };
  return { qualified: false as const, accuracy, goldAnswers: w.gold_answers, required: batch.minGoldAccuracy ?? 0 };
}

async function pickAvailable(tx: Tx, batchId: string, gold: boolean, worker: string): Promise<PickedItem | undefined> {
  const res = await tx.execute(sql`
    SELECT i.id, i.data FROM task_items i
    WHERE i.batch_id = ${batchId} AND i.is_gold = ${gold} AND i.answers_count + i.leased_count < i.wanted
      AND NOT EXISTS (SELECT 1 FROM task_assignments a WHERE a.item_id = i.id AND a.worker_ref = ${worker})
    ORDER BY i.seq LIMIT 1 FOR UPDATE OF i SKIP LOCKED`);
  return rowsOf<PickedItem>(res)[0];
}

/** Frees the expired leases of one item this worker may take, and returns it when that opened a place. */
async function reclaimExpired(tx: Tx, batchId: string, worker: string, now: Date): Promise<PickedItem | undefined> {
  const res = await tx.execute(sql`
    SELECT i.id, i.data FROM task_items i
    WHERE i.batch_id = ${batchId} AND i.leased_count > 0 AND i.answers_count < i.wanted
      AND EXISTS (SELECT 1 FROM task_assignments a WHERE a.item_id = i.id AND a.status = 'leased' AND a.expires_at <= ${now})
      AND NOT EXISTS (SELECT 1 FROM task_assignments a WHERE a.item_id = i.id AND a.worker_ref = ${worker})
    ORDER BY i.seq LIMIT 1 FOR UPDATE OF i SKIP LOCKED`);
  const item = rowsOf<PickedItem>(res)[0];
  if (!item) return undefined;
  const open = await expireLeasesOf(tx, item.id, now);
  return open ? item : undefined;
}

/**
 * Marks an item's expired leases expired and lowers its lease counter; the caller holds the item's row lock.
 * Returns whether the item can take a lease now.
 */
export async function expireLeasesOf(tx: Tx, itemId: string, now: Date): Promise<boolean> {
  const res = await tx.execute(sql`
    WITH gone AS (
      UPDATE task_assignments SET status = 'expired'
      WHERE item_id = ${itemId} AND status = 'leased' AND expires_at <= ${now}
      RETURNING id
    )
    UPDATE task_items SET leased_count = leased_count - (SELECT count(*) FROM gone)
    WHERE id = ${itemId}
    RETURNING answers_count + leased_count < wanted AS open`);
  return Boolean(rowsOf<{ open: boolean }>(res)[0]?.open);
}

/**
 * Leases the next item for a signed-in worker, preferring gold items at the batch's gold rate; null when nothing
 * is left for them. A worker holding an unexpired lease on the batch gets that lease back.
 * Throws 403 `not_qualified` once their gold accuracy is below the batch's threshold.
 * @example const lease = await leaseNext(ctx, actor, 'tb_1') // { id, item: { id, data }, expiresAt, … } or null
 */
export async function leaseNext(ctx: AppContext, actor: Actor, batchId: string): Promise<Lease | null> {
  const { batch } = await viewBatch(ctx.db, batchId, actor);
  if (batch.status !== 'published') throw conflict('batch_not_open', batch.status === 'paused' ? 'This batch is paused.' : 'This batch is not open for work.');
  const now = ctx.clock.now();
  const worker = actor.userId;
  const result = await ctx.db.transaction(async (tx) => {
    // Locks this worker's counter row: their leases on the batch happen one at a time.
    const [w] = rowsOf<{ answers: number; gold_answers: number; gold_correct: number }>(
      await tx.execute(sql`
        INSERT INTO task_workers (batch_id, worker_ref, user_id) VALUES (${batch.id}, ${worker}, ${worker})
        ON CONFLICT (batch_id, worker_ref) DO UPDATE SET user_id = excluded.user_id
        RETURNING answers, gold_answers, gold_correct`),
    );
    const q = qualification(batch, w);
    if (!q.qualified) return { notQualified: q };
    const [mine] = rowsOf<{ id: string; item_id: string; data: Record<string, unknown>; expires_at: Date }>(
      await tx.execute(sql`
        SELECT a.id, a.item_id, i.data, a.expires_at FROM task_assignments a JOIN task_items i ON i.id = a.item_id
        WHERE a.batch_id = ${batch.id} AND a.worker_ref = ${worker} AND a.status = 'leased' AND a.expires_at > ${now}
        LIMIT 1`),
    );
    if (mine) return { id: mine.id, item: { id: mine.item_id, data: mine.data }, expiresAt: new Date(mine.expires_at), done: w!.answers };
    const regular = batch.itemsCount - batch.goldCount;
    const goldFirst = batch.goldCount > 0 && (regular === 0 || Math.random() < batch.goldRate);
    const order = goldFirst ? [true, false] : batch.goldCount > 0 ? [false, true] : [false];
    let item: PickedItem | undefined;
    for (const gold of order) {
      item = await pickAvailable(tx, batch.id, gold, worker);
      if (item) break;
    }
    item ??= await reclaimExpired(tx, batch.id, worker, now);
    if (!item) return null;
    const id = newId('ta');
    const expiresAt = new Date(now.getTime() + batch.leaseSeconds * 1000);
    await tx.execute(sql`
      WITH lease AS (
        INSERT INTO task_assignments (id, batch_id, item_id, worker_ref, user_id, status, leased_at, expires_at)
        VALUES (${id}, ${batch.id}, ${item.id}, ${worker}, ${worker}, 'leased', ${now}, ${expiresAt})
      )
      UPDATE task_items SET leased_count = leased_count + 1 WHERE id = ${item.id}`);
    return { id, item, expiresAt, done: w!.answers };
  });
  if (!result) return null;
  if ('notQualified' in result) {
    const q = result.notQualified!;
    throw new AppError(
      403,
      'not_qualified',
      `Your accuracy on control items is ${Math.round(q.accuracy * 100)}% over ${q.goldAnswers} answers; this batch asks for at least ${Math.round(q.required * 100)}%.`,
      { accuracy: q.accuracy, goldAnswers: q.goldAnswers, required: q.required },
    );
  }
  return {
    id: result.id,
    item: result.item,
    batch: {
      id: batch.id,
      title: batch.title,
      instructionsHtml: instructionsHtml(batch),
      answer: { kind: batch.answerKind, labels: batch.labels },
      reward: batch.rewardAmount ? { amount: batch.rewardAmount, currency: batch.currency! } : null,
    },
    expiresAt: result.expiresAt.toISOString(),
    progress: { done: result.done, total: batch.itemsCount },
  };
}
