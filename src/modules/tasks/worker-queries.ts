// Statements on workers: a batch's worker counters (task_workers), bonuses (task_bonuses), and what one person
// did and earned across batches (their history and their share of a personal-data export).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { pick, selectRowsOfPerson } from '../../db/select.js';
import { taskAssignments, taskBatches, taskBonuses, taskItems, taskWorkers } from '../../db/schema/tasks.js';
import type { CursorPosition } from '../../lib/cursor.js';
import { olderThan } from './keyset-sql.js';

export type NewBonus = typeof taskBonuses.$inferInsert;

/** The account of a batch's worker (null for an imported worker), or undefined when they did not work on it. */
export async function selectWorkerAccount(db: Executor, batchId: string, workerRef: string): Promise<string | null | undefined> {
  const [worker] = await db
    .select({ userId: taskWorkers.userId })
    .from(taskWorkers)
    .where(and(eq(taskWorkers.batchId, batchId), eq(taskWorkers.workerRef, workerRef)))
    .limit(1);
  return worker ? worker.userId : undefined;
}

export async function insertBonus(tx: Executor, bonus: NewBonus): Promise<void> {
  await tx.insert(taskBonuses).values(bonus);
}

/**
 * A page of a person's assignments, newest first: `limit` rows after the cursor (leased at, id), with their
 * batch and item.
 */
export function selectAssignmentsOfWorker(db: Executor, userId: string, q: { after: CursorPosition | null; limit: number }) {
  return db
    .select({
      a: taskAssignments,
      b: { id: taskBatches.id, title: taskBatches.title, projectId: taskBatches.projectId, currency: taskBatches.currency },
      i: { externalId: taskItems.externalId, data: taskItems.data },
    })
    .from(taskAssignments)
    .innerJoin(taskBatches, eq(taskBatches.id, taskAssignments.batchId))
    .innerJoin(taskItems, eq(taskItems.id, taskAssignments.itemId))
    .where(and(eq(taskAssignments.userId, userId), q.after ? olderThan(taskAssignments.leasedAt, taskAssignments.id, q.after) : undefined))
    .orderBy(desc(taskAssignments.leasedAt), desc(taskAssignments.id))
    .limit(q.limit);
}

/** A person's rewards awaiting review, per currency. */
export async function sumPendingRewardsOfWorker(db: Executor, userId: string): Promise<{ currency: string; amount: number }[]> {
  const rows = rowsOf<{ currency: string; amount: string }>(
    await db.execute(sql`
      SELECT b.currency, sum(a.reward_amount) AS amount FROM task_assignments a JOIN task_batches b ON b.id = a.batch_id
      WHERE a.user_id = ${userId} AND a.review = 'pending' AND a.reward_amount IS NOT NULL GROUP BY b.currency`),
  );
  return rows.map((p) => ({ amount: Number(p.amount), currency: p.currency }));
}

/** How many answers a person submitted, and how many of them were approved and rejected. */
export async function countAnswersOfWorker(
  db: Executor,
  userId: string,
): Promise<{ submitted: number; approved: number; rejected: number }> {
  const [counts] = rowsOf<{ submitted: string; approved: string; rejected: string }>(
    await db.execute(sql`
      SELECT count(*) FILTER (WHERE status = 'submitted') AS submitted, count(*) FILTER (WHERE review = 'approved') AS approved,
             count(*) FILTER (WHERE review = 'rejected') AS rejected
      FROM task_assignments WHERE user_id = ${userId}`),
  );
  return {
    submitted: Number(counts?.submitted ?? 0),
    approved: Number(counts?.approved ?? 0),
    rejected: Number(counts?.rejected ?? 0),
  };
}

/** The bonuses a person received, per currency. */
export async function sumBonusesOfWorker(db: Executor, userId: string): Promise<{ currency: string; amount: number }[]> {
  const rows = await db
    .select({ currency: taskBonuses.currency, amount: sql<string>`sum(${taskBonuses.amount})` })
    .from(taskBonuses)
    .where(eq(taskBonuses.userId, userId))
    .groupBy(taskBonuses.currency);
  return rows.map((b) => ({ amount: Number(b.amount), currency: b.currency }));
}

/** Every answer a person gave, oldest first, with its batch's title and currency (for their data export). */
export function selectAnswersOfPerson(db: Executor, userId: string) {
  return db
    .select({
      id: taskAssignments.id,
      batchId: taskAssignments.batchId,
      batchTitle: taskBatches.title,
      itemId: taskAssignments.itemId,
      status: taskAssignments.status,
      answer: taskAssignments.answer,
      isGold: taskAssignments.isGold,
      goldCorrect: taskAssignments.goldCorrect,
      review: taskAssignments.review,
      reviewReason: taskAssignments.reviewReason,
      rewardAmount: taskAssignments.rewardAmount,
      currency: taskBatches.currency,
      leasedAt: taskAssignments.leasedAt,
      submittedAt: taskAssignments.submittedAt,
      reviewedAt: taskAssignments.reviewedAt,
    })
    .from(taskAssignments)
    .innerJoin(taskBatches, eq(taskBatches.id, taskAssignments.batchId))
    .where(eq(taskAssignments.userId, userId))
    .orderBy(asc(taskAssignments.leasedAt), asc(taskAssignments.id));
}

/** Every bonus a person received, oldest first (for their data export). */
export function selectBonusesOfPerson(db: Executor, userId: string) {
  const columns = ['id', 'batchId', 'amount', 'currency', 'reason', 'createdAt'] as const;
  return selectRowsOfPerson(db, taskBonuses, taskBonuses.userId, userId, pick(taskBonuses, columns));
}
