// Leasing the next item to a worker. The common path is served in groups (lease-group.ts); a worker it cannot serve
// comes here: one read of their state, then one statement that locks an item with FOR UPDATE SKIP LOCKED and
// records the lease, then, when nothing is free, a short transaction that reclaims an expired lease.
//
// Guarantees: an item never takes more answers than it wants (answers_count + leased_count < wanted is
// checked on the locked row and both counters move in the same transaction), and a worker never gets one item
// twice (NOT EXISTS on their assignment, backed by the unique (item_id, worker_ref) constraint). Expired leases
// need no job to be freed: when no item is available, the lease itself reclaims one item's expired leases.
// A lease takes no lock on the worker's counters row (an existing row is left alone), so it cannot deadlock
// with a submission, which updates the item row and then the counters row.
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { batchForWork, type Batch } from './access.js';
import { instructionsHtml } from './batches.js';
import { leaseGrouper } from './lease-group.js';

interface PickedItem {
  id: string;
  data: Record<string, unknown>;
}

export interface Lease {
  id: string;
  item: PickedItem;
  batch: {
    id: string;
    title: string;
    instructionsHtml: string;
    answer: { kind: Batch['answerKind']; labels: string[] };
    reward: { amount: number; currency: string } | null;
  };
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

// The lease statements that are not served in groups (lease-group.ts) are written out with numbered parameters
// and run outside the query builder, which cost more CPU than PostgreSQL spends running them.
//
// `OFFSET 0` keeps "this worker has not had the item" a per-item probe of the unique (item_id, worker_ref)
// index: as a join, the planner may scan every assignment of a young batch whose statistics still say it is
// small, and such a plan, once prepared, would be kept while the batch grows.
const LEASE_SQL = `
  WITH pick AS (
    SELECT i.id, i.data FROM task_items i
    WHERE i.batch_id = $1 AND i.is_gold = $2 AND i.open
      AND NOT EXISTS (SELECT 1 FROM task_assignments a WHERE a.item_id = i.id AND a.worker_ref = $3 OFFSET 0)
      AND EXISTS (SELECT 1 FROM task_batches b JOIN projects p ON p.id = b.project_id WHERE b.id = $1 AND b.status = 'published' AND NOT p.hidden)
    ORDER BY i.seq LIMIT 1 FOR UPDATE OF i SKIP LOCKED
  ), leased AS (
    INSERT INTO task_assignments (id, batch_id, item_id, worker_ref, user_id, status, leased_at, expires_at)
    SELECT $4, $1, pick.id, $3, $3, 'leased', $5, $6 FROM pick
    RETURNING item_id
  ), counted AS (
    UPDATE task_items t SET leased_count = t.leased_count + 1 FROM leased WHERE t.id = leased.item_id RETURNING t.id
  ), counters AS (
    INSERT INTO task_workers (batch_id, worker_ref, user_id) SELECT $1, $3, $3 FROM pick
    ON CONFLICT (batch_id, worker_ref) DO NOTHING
  )
  SELECT pick.id, pick.data FROM pick, counted WHERE counted.id = pick.id`;

const WORKER_STATE_SQL = `
  SELECT w.answers, w.gold_answers, w.gold_correct, m.id AS lease_id, m.item_id, m.data, m.expires_at, o.status AS batch_status, o.hidden
  FROM (SELECT 1) one
  LEFT JOIN (SELECT b.status, p.hidden FROM task_batches b JOIN projects p ON p.id = b.project_id WHERE b.id = $1) o ON true
  LEFT JOIN task_workers w ON w.batch_id = $1 AND w.worker_ref = $2
  LEFT JOIN LATERAL (
    SELECT a.id, a.item_id, i.data, a.expires_at FROM task_assignments a JOIN task_items i ON i.id = a.item_id
    WHERE a.batch_id = $1 AND a.worker_ref = $2 AND a.status = 'leased' AND a.expires_at > $3
    LIMIT 1
  ) m ON true`;

/**
 * One statement, atomic on its own: picks the first available item of the kind (gold or not) this worker has
 * not had, locking it and skipping items other leases hold locked; records the lease, counts it on the item and
 * makes sure the worker has a counters row for the batch. Nothing is leased once the batch is no longer published
 * or its project is hidden by moderation (the batch row in hand may be older than either).
 */
async function leaseAvailable(
  ctx: AppContext,
  batchId: string,
  gold: boolean,
  worker: string,
  lease: { id: string; now: Date; expiresAt: Date },
): Promise<PickedItem | undefined> {
  const rows = await ctx.database.query<PickedItem>(LEASE_SQL, [
    batchId,
    gold,
    worker,
    lease.id,
    lease.now.toISOString(),
    lease.expiresAt.toISOString(),
  ]);
  return rows[0];
}

/** Frees the expired leases of one item this worker may take, and returns it when that opened a place. */
async function reclaimExpired(tx: Tx, batchId: string, worker: string, now: Date): Promise<PickedItem | undefined> {
  const res = await tx.execute(sql`
    SELECT i.id, i.data FROM task_items i
    WHERE i.id IN (SELECT a.item_id FROM task_assignments a WHERE a.batch_id = ${batchId} AND a.status = 'leased' AND a.expires_at <= ${now})
      AND i.answers_count < i.wanted
      AND NOT EXISTS (SELECT 1 FROM task_assignments a WHERE a.item_id = i.id AND a.worker_ref = ${worker} OFFSET 0)
      AND EXISTS (SELECT 1 FROM task_batches b JOIN projects p ON p.id = b.project_id WHERE b.id = ${batchId} AND b.status = 'published' AND NOT p.hidden)
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
    RETURNING open`);
  return Boolean(rowsOf<{ open: boolean }>(res)[0]?.open);
}

const batchNotOpen = (status: string) =>
  conflict('batch_not_open', status === 'paused' ? 'This batch is paused.' : 'This batch is not open for work.');

/**
 * Leases the next item for a signed-in worker, preferring gold items at the batch's gold rate; null when nothing
 * is left for them. A worker holding an unexpired lease on the batch gets that lease back.
 * Throws 403 `not_qualified` once their gold accuracy is below the batch's threshold.
 * @example const lease = await leaseNext(ctx, actor, 'tb_1') // { id, item: { id, data }, expiresAt, … } or null
 */
export async function leaseNext(ctx: AppContext, actor: Actor, batchId: string): Promise<Lease | null> {
  const batch = await batchForWork(ctx.db, batchId, actor);
  if (batch.status !== 'published') throw batchNotOpen(batch.status);
  const now = ctx.clock.now();
  const worker = actor.userId;
  const regular = batch.itemsCount - batch.goldCount;
  const goldFirst = batch.goldCount > 0 && (regular === 0 || Math.random() < batch.goldRate);
  const order = goldFirst ? [true, false] : batch.goldCount > 0 ? [false, true] : [false];
  const id = newId('ta');
  const expiresAt = new Date(now.getTime() + batch.leaseSeconds * 1000);
  // The common case, served together with the lease requests arriving meanwhile (lease-group.ts): a qualified
  // worker without an open lease gets the next item they have not had, of the kind drawn or else of the other
  // (once the gold items have all their answers, every draw of gold comes here).
  for (const gold of order) {
    const grouped = await leaseGrouper(ctx.database).lease({ batch, gold, worker, id, now, expiresAt });
    if (grouped) return presentLease(batch, id, grouped, expiresAt, grouped.done);
  }

  // What the worker did so far in this batch, and the lease they may already hold: one read.
  const [state] = await ctx.database.query<{
    answers: number | null;
    gold_answers: number | null;
    gold_correct: number | null;
    lease_id: string | null;
    item_id: string | null;
    data: Record<string, unknown> | null;
    expires_at: Date | string | null;
    batch_status: Batch['status'] | null;
    hidden: boolean | null;
  }>(WORKER_STATE_SQL, [batch.id, worker, now.toISOString()]);
  // Why: the batch row in hand may be cached from before its project was hidden or the batch paused or closed;
  // the lease statements refuse then, and this read (made after them) says why, without handing back a lease.
  if (state?.hidden || !state?.batch_status) throw notFound('task batch', 'batch_not_found');
  if (state.batch_status !== 'published') throw batchNotOpen(state.batch_status);
  const counters =
    state?.answers === null || state?.answers === undefined
      ? undefined
      : { answers: state.answers, gold_answers: state.gold_answers!, gold_correct: state.gold_correct! };
  const done = counters?.answers ?? 0;
  const q = qualification(batch, counters);
  const result = await (async () => {
    if (!q.qualified) return { notQualified: q };
    if (state?.lease_id)
      return { id: state.lease_id, item: { id: state.item_id!, data: state.data! }, expiresAt: new Date(state.expires_at!), done };
    for (const gold of order) {
      const item = await leaseAvailable(ctx, batch.id, gold, worker, { id, now, expiresAt });
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
    throw new DomainError(
      'not_qualified',
      `Your accuracy on control items is ${Math.round(q.accuracy * 100)}% over ${q.goldAnswers} answers; this batch asks for at least ${Math.round(q.required * 100)}%.`,
      { accuracy: q.accuracy, goldAnswers: q.goldAnswers, required: q.required },
    );
  }
  return presentLease(batch, result.id, result.item, result.expiresAt, result.done);
}

/** A lease as the worker's client receives it. */
function presentLease(batch: Batch, id: string, item: PickedItem, expiresAt: Date, done: number): Lease {
  return {
    id,
    item: { id: item.id, data: item.data },
    batch: {
      id: batch.id,
      title: batch.title,
      instructionsHtml: instructionsHtml(batch),
      answer: { kind: batch.answerKind, labels: batch.labels },
      reward: batch.rewardAmount ? { amount: batch.rewardAmount, currency: batch.currency! } : null,
    },
    expiresAt: expiresAt.toISOString(),
    progress: { done, total: batch.itemsCount },
  };
}
