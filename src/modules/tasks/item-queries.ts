// Statements on a batch's items (the task_items table), outside the lease and answer statements (lease*.ts,
// answer-writer.ts), which move the items' counters themselves.
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { taskItems, type TaskAnswer } from '../../db/schema/tasks.js';

/** Rows a multi-row insert takes at once. */
const CHUNK = 1000;

/** An item to insert; `wanted` is how many answers it takes. */
export interface NewItem {
  id: string;
  externalId: string | null;
  data: Record<string, unknown>;
  gold: TaskAnswer | null;
  wanted: number;
}

/** The ids and external ids (null when none was given) of a batch's items. */
export function selectItemIdsOfBatch(db: Executor, batchId: string): Promise<{ id: string; externalId: string | null }[]> {
  return db.select({ id: taskItems.id, externalId: taskItems.externalId }).from(taskItems).where(eq(taskItems.batchId, batchId));
}

/** Every item of a batch, in upload order, with its data and gold answer. */
export function selectItemsOfBatch(
  db: Executor,
  batchId: string,
): Promise<{ id: string; externalId: string | null; gold: TaskAnswer | null; data: Record<string, unknown> }[]> {
  return db
    .select({ id: taskItems.id, externalId: taskItems.externalId, gold: taskItems.gold, data: taskItems.data })
    .from(taskItems)
    .where(eq(taskItems.batchId, batchId))
    .orderBy(taskItems.seq);
}

/** Inserts items into a batch, in multi-row inserts of a thousand. */
export async function insertItems(tx: Executor, batchId: string, items: NewItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    await tx.insert(taskItems).values(items.slice(i, i + CHUNK).map((it) => ({ ...it, batchId, isGold: it.gold !== null })));
  }
}

/** Refreshes the planner's statistics of the items table (after a bulk load). */
export async function analyzeItems(db: Executor): Promise<void> {
  await db.execute(sql`ANALYZE task_items`);
}

/** Locks an item's row for the caller's transaction. */
export async function lockItem(tx: Executor, itemId: string): Promise<void> {
  await tx.execute(sql`SELECT 1 FROM task_items WHERE id = ${itemId} FOR UPDATE`);
}

/** Gives a lease's place back on its item (a lease given back unanswered). */
export async function releaseLeasedPlace(tx: Executor, itemId: string): Promise<void> {
  await tx.execute(sql`UPDATE task_items SET leased_count = leased_count - 1 WHERE id = ${itemId}`);
}

/** Counts one answer fewer on an item (a rejected answer no longer counts). */
export async function uncountAnswer(tx: Executor, itemId: string): Promise<void> {
  await tx.execute(sql`UPDATE task_items SET answers_count = answers_count - 1 WHERE id = ${itemId} AND answers_count > 0`);
}

/** Raises the number of answers an item wants to at least `wanted`. */
export async function raiseWanted(db: Executor, itemId: string, wanted: number): Promise<void> {
  await db.execute(sql`UPDATE task_items SET wanted = GREATEST(wanted, ${wanted}) WHERE id = ${itemId}`);
}
