// The lease statements for a worker the groups (lease-group.ts) could not serve (take-lease.ts runs them): one read
// of their state, one statement that locks an item with FOR UPDATE SKIP LOCKED and records the lease, and, when
// nothing is free, the statements of a short transaction that reclaims an expired lease.
//
// Guarantees: an item never takes more answers than it wants (answers_count + leased_count < wanted is
// checked on the locked row and both counters move in the same transaction), and a worker never gets one item
// twice (NOT EXISTS on their assignment, backed by the unique (item_id, worker_ref) constraint). Expired leases
// need no job to be freed: when no item is available, the lease itself reclaims one item's expired leases.
// A lease takes no lock on the worker's counters row (an existing row is left alone), so it cannot deadlock
// with a submission, which updates the item row and then the counters row.
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { projectHiddenSql, projectHiddenText } from '../projects/project-sql.js';
import type { BatchStatus } from './batch-queries.js';

export interface PickedItem {
  id: string;
  data: Record<string, unknown>;
}

/** What a worker did so far in a batch, the lease they may hold, and the batch's state (none for no such batch). */
export interface WorkerState {
  answers: number | null;
  gold_answers: number | null;
  gold_correct: number | null;
  lease_id: string | null;
  item_id: string | null;
  data: Record<string, unknown> | null;
  expires_at: Date | string | null;
  batch_status: BatchStatus | null;
  hidden: boolean | null;
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
      AND EXISTS (SELECT 1 FROM task_batches b WHERE b.id = $1 AND b.status = 'published' AND NOT ${projectHiddenText('b.project_id')})
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
  LEFT JOIN (SELECT b.status, ${projectHiddenText('b.project_id')} AS hidden FROM task_batches b WHERE b.id = $1) o ON true
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
export async function leaseAvailable(
  database: Database,
  batchId: string,
  gold: boolean,
  worker: string,
  lease: { id: string; now: Date; expiresAt: Date },
): Promise<PickedItem | undefined> {
  const rows = await database.query<PickedItem>(LEASE_SQL, [
    batchId,
    gold,
    worker,
    lease.id,
    lease.now.toISOString(),
    lease.expiresAt.toISOString(),
  ]);
  return rows[0];
}

/** What the worker did so far in this batch, the lease they may already hold, and the batch's state: one read. */
export async function selectWorkerState(database: Database, batchId: string, worker: string, now: Date): Promise<WorkerState | undefined> {
  const [state] = await database.query<WorkerState>(WORKER_STATE_SQL, [batchId, worker, now.toISOString()]);
  return state;
}

/** Frees the expired leases of one item this worker may take, and returns it when that opened a place. */
export async function reclaimExpired(tx: Executor, batchId: string, worker: string, now: Date): Promise<PickedItem | undefined> {
  const res = await tx.execute(sql`
    SELECT i.id, i.data FROM task_items i
    WHERE i.id IN (SELECT a.item_id FROM task_assignments a WHERE a.batch_id = ${batchId} AND a.status = 'leased' AND a.expires_at <= ${now})
      AND i.answers_count < i.wanted
      AND NOT EXISTS (SELECT 1 FROM task_assignments a WHERE a.item_id = i.id AND a.worker_ref = ${worker} OFFSET 0)
      AND EXISTS (SELECT 1 FROM task_batches b WHERE b.id = ${batchId} AND b.status = 'published' AND NOT ${projectHiddenSql(sql`b.project_id`)})
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
export async function expireLeasesOf(tx: Executor, itemId: string, now: Date): Promise<boolean> {
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

/** Records a lease on an item whose place the caller's transaction holds, and makes sure the worker has a counters row. */
export async function insertLease(
  tx: Executor,
  l: { id: string; batchId: string; itemId: string; worker: string; now: Date; expiresAt: Date },
): Promise<void> {
  await tx.execute(sql`
        WITH lease AS (
          INSERT INTO task_assignments (id, batch_id, item_id, worker_ref, user_id, status, leased_at, expires_at)
          VALUES (${l.id}, ${l.batchId}, ${l.itemId}, ${l.worker}, ${l.worker}, 'leased', ${l.now}, ${l.expiresAt})
        ), counters AS (
          INSERT INTO task_workers (batch_id, worker_ref, user_id) VALUES (${l.batchId}, ${l.worker}, ${l.worker})
          ON CONFLICT (batch_id, worker_ref) DO NOTHING
        )
        UPDATE task_items SET leased_count = leased_count + 1 WHERE id = ${l.itemId}`);
}
