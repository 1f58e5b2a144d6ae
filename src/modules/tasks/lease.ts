// Leasing the next item to a worker: one read, then one statement that locks an item with FOR UPDATE SKIP LOCKED
// and records the lease (each statement is atomic, so the common path needs no explicit transaction).
//
// Guarantees: an item never takes more answers than it wants (answers_count + leased_count < wanted is
// checked on the locked row and both counters move in the same transaction), and a worker never gets one item
// twice (NOT EXISTS on their assignment, backed by the unique (item_id, worker_ref) constraint). Expired leases
// need no job to be freed: when no item is available, the lease itself reclaims one item's expired leases.
// A lease takes no lock on the worker's counters row (an existing row is left alone), so it cannot deadlock
// with a submission, which updates the item row and then the counters row.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor, Tx } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { AppError, conflict } from '../../http/errors.js';
import { newId } from '../../lib/ids.js';
import { batchForWork, type Batch } from './access.js';
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

/**
 * One statement, atomic on its own: picks the first available item of the kind (gold or not) this worker has
 * not had, locking it and skipping items other leases hold locked; records the lease, counts it on the item and
 * makes sure the worker has a counters row for the batch.
 */
async function leaseAvailable(db: Executor, batchId: string, gold: boolean, worker: string, lease: { id: string; now: Date; expiresAt: Date }): Promise<PickedItem | undefined> {
  const res = await db.execute(sql`
    WITH pick AS (
      SELECT i.id, i.data FROM task_items i
      WHERE i.batch_id = ${batchId} AND i.is_gold = ${gold} AND i.answers_count + i.leased_count < i.wanted
        AND NOT EXISTS (SELECT 1 FROM task_assignments a WHERE a.item_id = i.id AND a.worker_ref = ${worker})
      ORDER BY i.seq LIMIT 1 FOR UPDATE OF i SKIP LOCKED
    ), leased AS (
      INSERT INTO task_assignments (id, batch_id, item_id, worker_ref, user_id, status, leased_at, expires_at)
      SELECT ${lease.id}, ${batchId}, pick.id, ${worker}, ${worker}, 'leased', ${lease.now}, ${lease.expiresAt} FROM pick
      RETURNING item_id
    ), counted AS (
      UPDATE task_items t SET leased_count = t.leased_count + 1 FROM leased WHERE t.id = leased.item_id RETURNING t.id
    ), counters AS (
      INSERT INTO task_workers (batch_id, worker_ref, user_id) SELECT ${batchId}, ${worker}, ${worker} FROM pick
      ON CONFLICT (batch_id, worker_ref) DO NOTHING
    )
    SELECT pick.id, pick.data FROM pick, counted WHERE counted.id = pick.id`);
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
  const batch = await batchForWork(ctx.db, batchId, actor);
  if (batch.status !== 'published') throw conflict('batch_not_open', batch.status === 'paused' ? 'This batch is paused.' : 'This batch is not open for work.');
  const now = ctx.clock.now();
  const worker = actor.userId;
  // What the worker did so far in this batch, and the lease they may already hold: one read.
  const [state] = rowsOf<{ answers: number | null; gold_answers: number | null; gold_correct: number | null; lease_id: string | null; item_id: string | null; data: Record<string, unknown> | null; expires_at: Date | string | null }>(
    await ctx.db.execute(sql`
      SELECT w.answers, w.gold_answers, w.gold_correct, m.id AS lease_id, m.item_id, m.data, m.expires_at
      FROM (SELECT 1) one
      LEFT JOIN task_workers w ON w.batch_id = ${batch.id} AND w.worker_ref = ${worker}
      LEFT JOIN LATERAL (
        SELECT a.id, a.item_id, i.data, a.expires_at FROM task_assignments a JOIN task_items i ON i.id = a.item_id
        WHERE a.batch_id = ${batch.id} AND a.worker_ref = ${worker} AND a.status = 'leased' AND a.expires_at > ${now}
        LIMIT 1
      ) m ON true`),
  );
  const counters = state?.answers === null || state?.answers === undefined ? undefined : { answers: state.answers, gold_answers: state.gold_answers!, gold_correct: state.gold_correct! };
  const done = counters?.answers ?? 0;
  const q = qualification(batch, counters);
  const result = await (async () => {
    if (!q.qualified) return { notQualified: q };
    if (state?.lease_id) return { id: state.lease_id, item: { id: state.item_id!, data: state.data! }, expiresAt: new Date(state.expires_at!), done };
    const regular = batch.itemsCount - batch.goldCount;
    const goldFirst = batch.goldCount > 0 && (regular === 0 || Math.random() < batch.goldRate);
    const order = goldFirst ? [true, false] : batch.goldCount > 0 ? [false, true] : [false];
    const id = newId('ta');
    const expiresAt = new Date(now.getTime() + batch.leaseSeconds * 1000);
    for (const gold of order) {
      const item = await leaseAvailable(ctx.db, batch.id, gold, worker, { id, now, expiresAt });
      if (item) return { id, item, expiresAt, done };
    }
    // Nothing free: an expired lease may hold a place. Reclaiming it takes a short transaction.
    const item = await ctx.db.transaction(async (tx) => {
      const reclaimed = await reclaimExpired(tx, batch.id, worker, now);
      if (!reclaimed) return undefined;
      await tx.execute(sql`
        WITH lease AS (
          INSERT INTO task_assignments (id, batch_id, item_id, worker_ref, user_id, status, leased_at, expires_at)
          VALUES (${id}, ${batch.id}, ${reclaimed.id}, ${worker}, ${worker}, 'leased', ${now}, ${expiresAt})
        ), counters AS (
          INSERT INTO task_workers (batch_id, worker_ref, user_id) VALUES (${batch.id}, ${worker}, ${worker})
          ON CONFLICT (batch_id, worker_ref) DO NOTHING
        )
        UPDATE task_items SET leased_count = leased_count + 1 WHERE id = ${reclaimed.id}`);
      return reclaimed;
    });
    return item ? { id, item, expiresAt, done } : null;
  })();
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
