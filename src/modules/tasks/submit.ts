// Submitting or skipping a leased item: each in one statement on the common path.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict, invalid, notFound } from '../../lib/errors.js';
import { batchRowForWork, type Batch } from './access.js';
import { answerWriter } from './answer-writer.js';
import { answerKey, leadingShare, matchesGold, parseAnswer } from './answers.js';
import {
  markSkipped,
  readAssignmentWithGold,
  selectAssignmentState,
  selectAssignmentStatus,
  selectCountingAnswersOfItem,
} from './assignment-queries.js';
import type { TaskAnswer } from './batch-queries.js';
import { lockItem, raiseWanted, releaseLeasedPlace } from './item-queries.js';

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

/** The caller's assignment and its batch (from the short-lived cache while published), or a 404. */
async function ownAssignment(ctx: AppContext, actor: Actor, id: string): Promise<{ a: OwnAssignment; b: Batch }> {
  const row = await readAssignmentWithGold(ctx.database, id);
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
    const again = (await selectAssignmentState(ctx.db, id))!;
    if (again.status === 'leased' && again.hidden) throw batchNotFound();
    if (again.status === 'leased' && again.batchStatus === 'closed') throw conflict('batch_closed', 'This batch is closed.');
    throw leaseGone(again.status);
  }
  if (a.gold === null && batch.confidence !== null && row.answers_count >= row.wanted && row.wanted < batch.maxOverlap) {
    // Dynamic overlap: the item has the answers it wanted; one more is asked while they do not agree enough.
    const given = await selectCountingAnswersOfItem(ctx.db, a.itemId);
    if (
      needsMore(
        batch,
        given.map((g) => answerKey(batch.answerKind, g)),
      )
    ) {
      await raiseWanted(ctx.db, a.itemId, Math.min(batch.maxOverlap, given.length + 1));
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
    await lockItem(tx, a.itemId);
    if (!(await markSkipped(tx, id))) throw leaseGone((await selectAssignmentStatus(tx, id))!);
    await releaseLeasedPlace(tx, a.itemId);
    return { id, status: 'skipped' as const };
  });
}
