// Statements on assignments (the task_assignments table: leases, answers and their review) outside the hot lease
// and answer statements (lease*.ts, answer-writer.ts). A worker's own history is in worker-queries.ts.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.js';
import { perDatabase } from '../../db/per-database.js';
import { rowsOf } from '../../db/rows.js';
import { taskAssignments, taskBatches, taskItems, type BatchStatus, type TaskAnswer } from '../../db/schema/tasks.js';
import type { CursorPosition } from '../../lib/cursor.js';
import { GroupRunner } from '../../lib/group-runner.js';
import { personNameSql } from '../accounts/people-sql.js';
import { projectHiddenSql } from '../projects/project-sql.js';
import { newerThan } from './keyset-sql.js';

export type Assignment = typeof taskAssignments.$inferSelect;
export type ReviewDecision = 'approved' | 'rejected';

/** An assignment with its item's gold answer, as a submission reads it. */
export interface AssignmentWithGold {
  id: string;
  batch_id: string;
  item_id: string;
  worker_ref: string;
  user_id: string | null;
  status: string;
  /** The item's gold answer, when it is a gold item (set at upload, never changed). */
  gold: TaskAnswer | null;
}

// Every answer starts by reading its assignment and its item's gold answer (a key lookup per row): those arriving
// together are read by one prepared statement.
const assignmentReader = perDatabase(
  (database) =>
    new GroupRunner(async (ids: string[]) => {
      const rows = await database.query<AssignmentWithGold>(
        `SELECT a.id, a.batch_id, a.item_id, a.worker_ref, a.user_id, a.status, (SELECT i.gold FROM task_items i WHERE i.id = a.item_id) AS gold
         FROM task_assignments a WHERE a.id = ANY($1::text[])`,
        [ids],
        'foule_assignments_by_id_with_gold',
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);

/**
 * An assignment with its item's gold answer, read together with the others asked for meanwhile; null for none.
 * @example const a = await readAssignmentWithGold(ctx.database, 'ta_1')
 */
export function readAssignmentWithGold(database: Database, id: string): Promise<AssignmentWithGold | null> {
  return assignmentReader(database).run(id);
}

/** An assignment's status with its batch's status and whether its project is hidden by moderation. */
export async function selectAssignmentState(
  db: Executor,
  id: string,
): Promise<{ status: Assignment['status']; batchStatus: BatchStatus; hidden: boolean } | null> {
  const [row] = await db
    .select({ status: taskAssignments.status, batchStatus: taskBatches.status, hidden: projectHiddenSql(taskBatches.projectId) })
    .from(taskAssignments)
    .innerJoin(taskBatches, eq(taskBatches.id, taskAssignments.batchId))
    .where(eq(taskAssignments.id, id));
  return row ? { status: row.status, batchStatus: row.batchStatus, hidden: Boolean(row.hidden) } : null;
}

/** The answers of an item that count (submitted, not rejected). */
export async function selectCountingAnswersOfItem(db: Executor, itemId: string): Promise<TaskAnswer[]> {
  const rows = rowsOf<{ answer: TaskAnswer }>(
    await db.execute(sql`SELECT answer FROM task_assignments WHERE item_id = ${itemId} AND status = 'submitted' AND review <> 'rejected'`),
  );
  return rows.map((r) => r.answer);
}

/** Marks a lease given back, if it is still open; whether it was. */
export async function markSkipped(tx: Executor, id: string): Promise<boolean> {
  const done = await tx
    .update(taskAssignments)
    .set({ status: 'skipped' })
    .where(sql`${taskAssignments.id} = ${id} AND ${taskAssignments.status} = 'leased'`)
    .returning({ id: taskAssignments.id });
  return done.length > 0;
}

/** An assignment's status, or null. */
export async function selectAssignmentStatus(db: Executor, id: string): Promise<Assignment['status'] | null> {
  const [s] = await db.select({ s: taskAssignments.status }).from(taskAssignments).where(eq(taskAssignments.id, id));
  return s?.s ?? null;
}

/** An assignment's batch and worker account, or null. */
export async function selectAssignmentOwner(db: Executor, id: string): Promise<{ batchId: string; userId: string | null } | null> {
  const [found] = await db
    .select({ batchId: taskAssignments.batchId, userId: taskAssignments.userId })
    .from(taskAssignments)
    .where(eq(taskAssignments.id, id))
    .limit(1);
  return found ?? null;
}

/** An assignment row, locked for the caller's transaction when asked; null for none. */
export async function selectAssignment(tx: Executor, id: string, lock = false): Promise<Assignment | null> {
  const q = tx.select().from(taskAssignments).where(eq(taskAssignments.id, id));
  const [a] = lock ? await q.for('update') : await q;
  return a ?? null;
}

/** Records a review decision on an answer. */
export async function recordReview(tx: Executor, id: string, review: ReviewDecision, reason: string | null, now: Date): Promise<void> {
  await tx.update(taskAssignments).set({ review, reviewReason: reason, reviewedAt: now }).where(eq(taskAssignments.id, id));
}

/**
 * Claims (FOR UPDATE SKIP LOCKED) up to `limit` answers left unreviewed past their batch's delay, oldest first:
 * each batch's review queue is read in order of submission (task_assignments_review_idx).
 */
export async function claimAnswersDueForApproval(tx: Executor, now: Date, limit: number): Promise<string[]> {
  const due = rowsOf<{ id: string }>(
    await tx.execute(sql`
        SELECT due.id FROM task_batches b
        CROSS JOIN LATERAL (
          SELECT a.id, a.submitted_at FROM task_assignments a
          WHERE a.batch_id = b.id AND a.review = 'pending' AND a.submitted_at <= ${now}::timestamptz - make_interval(hours => b.auto_approve_hours)
          ORDER BY a.submitted_at LIMIT ${limit}
          FOR UPDATE OF a SKIP LOCKED
        ) due
        ORDER BY due.submitted_at LIMIT ${limit}`),
  );
  return due.map((d) => d.id);
}

/**
 * Waits for the answers being written right now and keeps new ones out until the caller's transaction ends (SHARE
 * mode conflicts only with writers).
 */
export async function lockAssignmentsAgainstWriters(tx: Executor): Promise<void> {
  await tx.execute(sql`LOCK TABLE task_assignments IN SHARE MODE`);
}

/** What a batch's answers awaiting review may still be paid. */
export async function sumPendingRewardsOfBatch(tx: Executor, batchId: string): Promise<number> {
  const [pending] = await tx
    .select({ owed: sql<string>`coalesce(sum(${taskAssignments.rewardAmount}), 0)` })
    .from(taskAssignments)
    .where(and(eq(taskAssignments.batchId, batchId), eq(taskAssignments.review, 'pending')));
  return Number(pending!.owed);
}

/** Every (item, worker) pair of a batch's assignments. */
export function selectWorkerItemPairsOfBatch(db: Executor, batchId: string): Promise<{ item: string; worker: string }[]> {
  return db
    .select({ item: taskAssignments.itemId, worker: taskAssignments.workerRef })
    .from(taskAssignments)
    .where(eq(taskAssignments.batchId, batchId));
}

/** Inserts answers collected elsewhere as submitted, unreviewed assignments, in multi-row inserts of a thousand. */
export async function insertImportedAnswers(
  tx: Executor,
  batchId: string,
  answers: { id: string; itemId: string; workerRef: string; answer: TaskAnswer }[],
  now: Date,
): Promise<void> {
  for (let i = 0; i < answers.length; i += 1000) {
    await tx.insert(taskAssignments).values(
      answers.slice(i, i + 1000).map((v) => ({
        ...v,
        batchId,
        userId: null,
        source: 'import' as const,
        status: 'submitted' as const,
        review: 'none' as const,
        leasedAt: now,
        submittedAt: now,
      })),
    );
  }
}

/** Every answer of a batch that counts (submitted, not rejected; imported ones included). */
export async function selectCountingAnswersOfBatch(
  db: Executor,
  batchId: string,
): Promise<{ item_id: string; worker_ref: string; answer: TaskAnswer }[]> {
  return rowsOf(
    await db.execute(sql`
      SELECT item_id, worker_ref, answer FROM task_assignments
      WHERE batch_id = ${batchId} AND status = 'submitted' AND review <> 'rejected'`),
  );
}

/** Per worker of a batch: their account (none for imported workers) and how many answers were approved, rejected, pending. */
export async function selectReviewsPerWorker(db: Executor, batchId: string) {
  return rowsOf<{ worker_ref: string; user_id: string | null; approved: string; rejected: string; pending: string; earned: string }>(
    await db.execute(sql`
      SELECT worker_ref, max(user_id) AS user_id,
        count(*) FILTER (WHERE review = 'approved') AS approved,
        count(*) FILTER (WHERE review = 'rejected') AS rejected,
        count(*) FILTER (WHERE review = 'pending') AS pending,
        coalesce(sum(reward_amount) FILTER (WHERE review = 'approved'), 0) AS earned
      FROM task_assignments WHERE batch_id = ${batchId} AND status = 'submitted'
      GROUP BY worker_ref`),
  );
}

/**
 * The references `(ref_type, ref_id)` of what the ledger may have paid workers for in a batch: its reviewed
 * assignments and its bonuses; for the ledger's totals by reference.
 */
export function paidRefsOfBatchSql(batchId: string): SQL {
  return sql`SELECT 'task_assignment' AS ref_type, a.id AS ref_id FROM task_assignments a WHERE a.batch_id = ${batchId} AND a.review <> 'none'
      UNION ALL
      SELECT 'task_bonus' AS ref_type, b.id AS ref_id FROM task_bonuses b WHERE b.batch_id = ${batchId}`;
}

/**
 * A page of a batch's submitted answers in one review state, oldest first: `limit` rows after the cursor (submitted
 * at, id), with the item and the worker's name.
 */
export function selectReviewQueue(
  db: Executor,
  batchId: string,
  q: { review: Assignment['review']; after: CursorPosition | null; limit: number },
) {
  return db
    .select({
      a: taskAssignments,
      i: { externalId: taskItems.externalId, data: taskItems.data },
      name: personNameSql(taskAssignments.userId),
    })
    .from(taskAssignments)
    .innerJoin(taskItems, eq(taskItems.id, taskAssignments.itemId))
    .where(
      and(
        eq(taskAssignments.batchId, batchId),
        eq(taskAssignments.review, q.review),
        q.after ? newerThan(taskAssignments.submittedAt, taskAssignments.id, q.after) : undefined,
      ),
    )
    .orderBy(taskAssignments.submittedAt, taskAssignments.id)
    .limit(q.limit);
}
