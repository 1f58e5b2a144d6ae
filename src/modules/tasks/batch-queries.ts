// Statements on the batches (the task_batches table). Items are in item-queries.ts, assignments (leases and
// answers) in assignment-queries.ts, a worker's own records in worker-queries.ts.
import { and, desc, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { taskBatches, type AnswerKind, type BatchStatus, type TaskAnswer } from '../../db/schema/tasks.js';
import type { CursorPosition } from '../../lib/cursor.js';
import { projectHiddenSql } from '../projects/project-sql.js';
import { type SubjectRow, subjectRowOf } from '../subjects/registry.js';
import { olderThan } from './keyset-sql.js';

export type Batch = typeof taskBatches.$inferSelect;
export type NewBatch = typeof taskBatches.$inferInsert;
export type { AnswerKind, BatchStatus, TaskAnswer };

/** A batch row by id, or null. */
export async function selectBatch(db: Executor, id: string): Promise<Batch | null> {
  const [b] = await db.select().from(taskBatches).where(eq(taskBatches.id, id)).limit(1);
  return b ?? null;
}

/** A batch row by id, locked for the caller's transaction (status changes, money), or null. */
export async function selectBatchForUpdate(tx: Executor, id: string): Promise<Batch | null> {
  const [b] = await tx.select().from(taskBatches).where(eq(taskBatches.id, id)).for('update');
  return b ?? null;
}

/** A batch row with whether moderation hid its project, or null. */
export async function selectBatchWithHidden(db: Executor, id: string): Promise<{ batch: Batch; hidden: boolean } | null> {
  const [row] = await db
    .select({ batch: taskBatches, hidden: projectHiddenSql(taskBatches.projectId) })
    .from(taskBatches)
    .where(eq(taskBatches.id, id))
    .limit(1);
  return row ? { batch: row.batch, hidden: Boolean(row.hidden) } : null;
}

/**
 * A page of a project's batches, newest first: `limit` rows after the cursor (created at, id), drafts included or not.
 * @example await selectBatchesOfProject(db, projectId, { withDrafts: false, after: null, limit: 21 })
 */
export function selectBatchesOfProject(
  db: Executor,
  projectId: string,
  q: { withDrafts: boolean; after: CursorPosition | null; limit: number },
): Promise<Batch[]> {
  return db
    .select()
    .from(taskBatches)
    .where(
      and(
        eq(taskBatches.projectId, projectId),
        q.withDrafts ? undefined : ne(taskBatches.status, 'draft'),
        q.after ? olderThan(taskBatches.createdAt, taskBatches.id, q.after) : undefined,
      ),
    )
    .orderBy(desc(taskBatches.createdAt), desc(taskBatches.id))
    .limit(q.limit);
}

/** Inserts a batch and returns its row. */
export async function insertBatch(db: Executor, values: NewBatch): Promise<Batch> {
  const [b] = await db.insert(taskBatches).values(values).returning();
  return b!;
}

/** Sets a batch published with its funded amount and first publication date. */
export async function markBatchPublished(tx: Executor, id: string, set: { fundedAmount: number; publishedAt: Date; now: Date }) {
  await tx
    .update(taskBatches)
    .set({ status: 'published', fundedAmount: set.fundedAmount, publishedAt: set.publishedAt, updatedAt: set.now })
    .where(eq(taskBatches.id, id));
}

/** Pauses a batch that is published; whether it was. */
export async function markBatchPaused(tx: Executor, id: string, now: Date): Promise<boolean> {
  const paused = await tx
    .update(taskBatches)
    .set({ status: 'paused', updatedAt: now })
    .where(and(eq(taskBatches.id, id), eq(taskBatches.status, 'published')))
    .returning({ id: taskBatches.id });
  return paused.length > 0;
}

/** Sets a batch closed. */
export async function markBatchClosed(tx: Executor, id: string, now: Date) {
  await tx.update(taskBatches).set({ status: 'closed', closedAt: now, updatedAt: now }).where(eq(taskBatches.id, id));
}

/** Adds uploaded items (and gold items among them) to a batch's counts; returns its new item count. */
export async function addItemCounts(tx: Executor, id: string, added: { items: number; gold: number; now: Date }): Promise<number> {
  const [b] = await tx
    .update(taskBatches)
    .set({
      itemsCount: sql`${taskBatches.itemsCount} + ${added.items}`,
      goldCount: sql`${taskBatches.goldCount} + ${added.gold}`,
      updatedAt: added.now,
    })
    .where(eq(taskBatches.id, id))
    .returning({ total: taskBatches.itemsCount });
  return b!.total;
}

/** A batch as a subject (of comments, reports): its project, and whether it is a draft. */
export function selectBatchSubject(db: Executor, id: string): Promise<SubjectRow | null> {
  return subjectRowOf(db, sql`SELECT id, project_id, status = 'draft' AS draft FROM task_batches WHERE id = ${id}`);
}

/** The row `(project_id, draft)` of the batch whose id is the SQL expression `id`, for the visibility rule. */
export function batchScopeSql(id: SQL): SQL {
  return sql`SELECT vs_t.project_id, vs_t.status = 'draft' AS draft FROM task_batches vs_t WHERE vs_t.id = ${id}`;
}
