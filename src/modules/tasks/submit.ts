// Submitting or skipping a leased item: each in one statement on the common path.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { projects } from '../../db/schema/projects.js';
import { taskAssignments, taskBatches, type TaskAnswer } from '../../db/schema/tasks.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict, invalid, notFound } from '../../lib/errors.js';
import { perDatabase } from '../../db/per-database.js';
import { rowsOf } from '../../db/rows.js';
import { GroupRunner } from '../../lib/group-runner.js';
import { batchRowForWork, type Batch } from './access.js';
import { answerWriter } from './answer-writer.js';
import { answerKey, leadingShare, matchesGold, parseAnswer } from './answers.js';

/** What a worker sends for a leased item. */
export const ZSubmitRequest = z.object({
  answer: z
    .unknown()
    .describe('By kind: label → one of the labels; labels → a list of labels; number → a finite number; text → a non-empty string.'),
});

interface OwnAssignment {
  id: string;
  itemId: string;
  workerRef: string;
  status: string;
  /** The item's gold answer, when it is a gold item (set at upload, never changed). */
  gold: TaskAnswer | null;
}

interface AssignmentRow {
  id: string;
  batch_id: string;
  item_id: string;
  worker_ref: string;
  user_id: string | null;
  status: string;
  gold: TaskAnswer | null;
}

// Every answer starts by reading its assignment and its item's gold answer (a key lookup per row): those arriving
// together are read by one prepared statement.
const assignmentReader = perDatabase(
  (database) =>
    new GroupRunner(async (ids: string[]) => {
      const rows = await database.query<AssignmentRow>(
        `SELECT a.id, a.batch_id, a.item_id, a.worker_ref, a.user_id, a.status, (SELECT i.gold FROM task_items i WHERE i.id = a.item_id) AS gold
         FROM task_assignments a WHERE a.id = ANY($1::text[])`,
        [ids],
        'foule_assignments_by_id_with_gold',
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
);

/** The caller's assignment and its batch (from the short-lived cache while published), or a 404. */
async function ownAssignment(ctx: AppContext, actor: Actor, id: string): Promise<{ a: OwnAssignment; b: Batch }> {
  const row = await assignmentReader(ctx.database).run(id);
  // Why: a lease is its worker's alone; others learn nothing about it, not even that it exists.
  if (!row || row.user_id !== actor.userId) throw notFound('assignment');
  const { batch, hidden } = await batchRowForWork(ctx.db, row.batch_id);
  // Why: a batch of a project hidden by moderation takes no more work (the statement writing an answer checks it
  // again, for a row cached from before the hide).
  if (hidden) throw batchNotFound();
  return { a: { id: row.id, itemId: row.item_id, workerRef: row.worker_ref, status: row.status, gold: row.gold }, b: batch };
}

const batchNotFound = () => notFound('task batch', 'batch_not_found');

function leaseGone(status: string) {
  if (status === 'expired')
    return new DomainError('lease_expired', 'This lease expired and the item went to someone else; take a new one.');
  return conflict('assignment_done', `This assignment is already ${status}.`);
}

/**
 * Whether an item with these answers needs one more (dynamic overlap): the leading answer's share is below the
 * batch's confidence and fewer than maxOverlap answers are in.
 */
function needsMore(batch: Batch, keys: string[]): boolean {
  if (batch.confidence === null || keys.length >= batch.maxOverlap) return false;
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return leadingShare([...counts.values()]) < batch.confidence;
}

/**
 * Records a worker's answer on their lease. After a gold item the answer tells whether it was right.
 * A lease past its time is still accepted while no one else has taken its place.
 * @example await submitAnswer(ctx, actor, 'ta_1', 'cat') // { id, status: 'submitted', gold?: { correct, expected } }
 */
export async function submitAnswer(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const { a, b: batch } = await ownAssignment(ctx, actor, id);
  const parsed = parseAnswer({ kind: batch.answerKind, labels: batch.labels }, raw);
  if (!parsed.ok) throw invalid('invalid_answer', `answer ${parsed.message}`, [{ field: 'body.answer', message: parsed.message }]);
  if (a.status !== 'leased') throw leaseGone(a.status);
  if (batch.status === 'closed') throw conflict('batch_closed', 'This batch is closed.');
  const now = ctx.clock.now();
  const answer = parsed.value;
  // A gold item: the worker learns whether they were right, and their gold record (qualification) moves with the answer.
  const goldCorrect = a.gold === null ? null : matchesGold(batch.answerKind, answer, a.gold);
  // The answer, the item's counters and the worker's counters move together (with other answers arriving
  // meanwhile), or nothing moves when the lease is no longer open or the batch was closed.
  const row = await answerWriter(ctx.database).write({
    assignmentId: id,
    answerJson: JSON.stringify(answer),
    reward: batch.rewardAmount,
    submittedAt: now.toISOString(),
    goldCorrect,
  });
  if (!row) {
    const [again] = await ctx.db
      .select({ s: taskAssignments.status, batchStatus: taskBatches.status, hidden: projects.hidden })
      .from(taskAssignments)
      .innerJoin(taskBatches, eq(taskBatches.id, taskAssignments.batchId))
      .innerJoin(projects, eq(projects.id, taskBatches.projectId))
      .where(eq(taskAssignments.id, id));
    if (again!.s === 'leased' && again!.hidden) throw batchNotFound();
    if (again!.s === 'leased' && again!.batchStatus === 'closed') throw conflict('batch_closed', 'This batch is closed.');
    throw leaseGone(again!.s);
  }
  if (a.gold === null && batch.confidence !== null && row.answers_count >= row.wanted && row.wanted < batch.maxOverlap) {
    // Dynamic overlap: the item has the answers it wanted; one more is asked while they do not agree enough.
    const given = rowsOf<{ answer: TaskAnswer }>(
      await ctx.db.execute(
        sql`SELECT answer FROM task_assignments WHERE item_id = ${a.itemId} AND status = 'submitted' AND review <> 'rejected'`,
      ),
    );
    if (
      needsMore(
        batch,
        given.map((g) => answerKey(batch.answerKind, g.answer)),
      )
    ) {
      await ctx.db.execute(
        sql`UPDATE task_items SET wanted = GREATEST(wanted, ${Math.min(batch.maxOverlap, given.length + 1)}) WHERE id = ${a.itemId}`,
      );
    }
  }
  return {
    id,
    status: 'submitted' as const,
    ...(a.gold !== null ? { gold: { correct: goldCorrect!, expected: a.gold } } : {}),
  };
}

/**
 * Gives a lease back without answering; the worker will not be offered that item again.
 * @example await skipAssignment(ctx, actor, 'ta_1') // { id, status: 'skipped' }
 */
export async function skipAssignment(ctx: AppContext, actor: Actor, id: string) {
  const { a } = await ownAssignment(ctx, actor, id);
  if (a.status !== 'leased') throw leaseGone(a.status);
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT 1 FROM task_items WHERE id = ${a.itemId} FOR UPDATE`);
    const done = await tx
      .update(taskAssignments)
      .set({ status: 'skipped' })
      .where(sql`${taskAssignments.id} = ${id} AND ${taskAssignments.status} = 'leased'`)
      .returning({ id: taskAssignments.id });
    if (!done.length) {
      const [s] = await tx.select({ s: taskAssignments.status }).from(taskAssignments).where(eq(taskAssignments.id, id));
      throw leaseGone(s!.s);
    }
    await tx.execute(sql`UPDATE task_items SET leased_count = leased_count - 1 WHERE id = ${a.itemId}`);
    return { id, status: 'skipped' as const };
  });
}
