// A worker's own history of work and pay, and a host's queue of answers to review.
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { balancesOf } from '../ledger/service.js';
import { manageBatch } from './access.js';
import { selectReviewQueue } from './assignment-queries.js';
import { countAnswersOfWorker, selectAssignmentsOfWorker, sumBonusesOfWorker, sumPendingRewardsOfWorker } from './worker-queries.js';

/**
 * The signed-in worker's assignments, newest first, with what each paid; and their totals (earned balance per
 * currency, rewards awaiting review, bonuses).
 * @example await myAssignments(ctx, actor, { limit: 20 })
 */
export async function myAssignments(ctx: AppContext, actor: Actor, page: { limit: number; cursor?: string }) {
  const rows = await selectAssignmentsOfWorker(ctx.db, actor.userId, { after: decodeCursor(page.cursor), limit: page.limit + 1 });
  const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({ v: r.a.leasedAt.toISOString(), id: r.a.id }));
  return {
    items: items.map(({ a, b, i }) => ({
      id: a.id,
      batch: { id: b.id, title: b.title, projectId: b.projectId },
      item: { id: a.itemId, externalId: i.externalId, data: i.data },
      answer: a.answer ?? null,
      status: a.status,
      review: a.review,
      reviewReason: a.reviewReason,
      pay: a.rewardAmount && b.currency ? { amount: a.review === 'rejected' ? 0 : a.rewardAmount, currency: b.currency } : null,
      submittedAt: a.submittedAt?.toISOString() ?? null,
      leasedAt: a.leasedAt.toISOString(),
    })),
    nextCursor,
  };
}

/**
 * What the signed-in worker earned: their balance per currency (from the ledger), rewards still awaiting review,
 * bonuses, and answer counts.
 * @example await myEarnings(ctx, actor) // { balances: [{ amount, currency }], pending: [...], answers: { submitted, approved, rejected } }
 */
export async function myEarnings(ctx: AppContext, actor: Actor) {
  const balances = await balancesOf(ctx.db, { accounts: [LedgerAccounts.workerBalance(actor.userId)] });
  const pending = await sumPendingRewardsOfWorker(ctx.db, actor.userId);
  const answers = await countAnswersOfWorker(ctx.db, actor.userId);
  const bonuses = await sumBonusesOfWorker(ctx.db, actor.userId);
  return {
    balances: balances.map((b) => ({ amount: b.balance, currency: b.currency })),
    pending,
    bonuses,
    answers,
  };
}

/**
 * A batch's submitted answers for the host to review (pending first by default), oldest first.
 * @example await reviewQueue(ctx, actor, 'tb_1', { review: 'pending', limit: 50 })
 */
export async function reviewQueue(
  ctx: AppContext,
  actor: Actor,
  batchId: string,
  q: { review: 'pending' | 'approved' | 'rejected'; limit: number; cursor?: string },
) {
  // Why: answers under review are the host's to see.
  await manageBatch(ctx.db, batchId, actor);
  const rows = await selectReviewQueue(ctx.db, batchId, { review: q.review, after: decodeCursor(q.cursor), limit: q.limit + 1 });
  const { items, nextCursor } = pageOf(rows, q.limit, (r) => ({ v: r.a.submittedAt!.toISOString(), id: r.a.id }));
  return {
    items: items.map(({ a, i, name }) => ({
      id: a.id,
      itemId: a.itemId,
      externalId: i.externalId,
      data: i.data,
      workerId: a.userId,
      workerName: name ?? null,
      answer: a.answer,
      isGold: a.isGold,
      goldCorrect: a.goldCorrect,
      submittedAt: a.submittedAt?.toISOString() ?? null,
    })),
    nextCursor,
  };
}
