// A worker's own history of work and pay, and a host's queue of answers to review.
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { taskAssignments, taskBatches, taskBonuses, taskItems } from '../../db/schema/tasks.js';
import { users } from '../../db/schema/accounts.js';
import type { Actor } from '../../http/auth.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { balancesOf } from '../ledger/service.js';
import { manageBatch } from './access.js';

/**
 * The signed-in worker's assignments, newest first, with what each paid; and their totals (earned balance per
 * currency, rewards awaiting review, bonuses).
 * @example await myAssignments(ctx, actor, { limit: 20 })
 */
export async function myAssignments(ctx: AppContext, actor: Actor, page: { limit: number; cursor?: string }) {
  const after = decodeCursor(page.cursor);
  const rows = await ctx.db
    .select({
      a: taskAssignments,
      b: { id: taskBatches.id, title: taskBatches.title, projectId: taskBatches.projectId, currency: taskBatches.currency },
      i: { externalId: taskItems.externalId, data: taskItems.data },
    })
    .from(taskAssignments)
    .innerJoin(taskBatches, eq(taskBatches.id, taskAssignments.batchId))
    .innerJoin(taskItems, eq(taskItems.id, taskAssignments.itemId))
    .where(
      and(
        eq(taskAssignments.userId, actor.userId),
        after
          ? or(
              lt(taskAssignments.leasedAt, new Date(String(after.v))),
              and(eq(taskAssignments.leasedAt, new Date(String(after.v))), lt(taskAssignments.id, after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(taskAssignments.leasedAt), desc(taskAssignments.id))
    .limit(page.limit + 1);
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
  const pending = (
    (await ctx.db.execute(sql`
      SELECT b.currency, sum(a.reward_amount) AS amount FROM task_assignments a JOIN task_batches b ON b.id = a.batch_id
      WHERE a.user_id = ${actor.userId} AND a.review = 'pending' AND a.reward_amount IS NOT NULL GROUP BY b.currency`)) as unknown as {
      rows: { currency: string; amount: string }[];
    }
  ).rows;
  const [counts] = (
    (await ctx.db.execute(sql`
      SELECT count(*) FILTER (WHERE status = 'submitted') AS submitted, count(*) FILTER (WHERE review = 'approved') AS approved,
             count(*) FILTER (WHERE review = 'rejected') AS rejected
      FROM task_assignments WHERE user_id = ${actor.userId}`)) as unknown as {
      rows: { submitted: string; approved: string; rejected: string }[];
    }
  ).rows;
  const bonuses = await ctx.db
    .select({ currency: taskBonuses.currency, amount: sql<string>`sum(${taskBonuses.amount})` })
    .from(taskBonuses)
    .where(eq(taskBonuses.userId, actor.userId))
    .groupBy(taskBonuses.currency);
  return {
    balances: balances.map((b) => ({ amount: b.balance, currency: b.currency })),
    pending: pending.map((p) => ({ amount: Number(p.amount), currency: p.currency })),
    bonuses: bonuses.map((b) => ({ amount: Number(b.amount), currency: b.currency })),
    answers: {
      submitted: Number(counts?.submitted ?? 0),
      approved: Number(counts?.approved ?? 0),
      rejected: Number(counts?.rejected ?? 0),
    },
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
  const after = decodeCursor(q.cursor);
  const rows = await ctx.db
    .select({ a: taskAssignments, i: { externalId: taskItems.externalId, data: taskItems.data }, name: users.name })
    .from(taskAssignments)
    .innerJoin(taskItems, eq(taskItems.id, taskAssignments.itemId))
    .leftJoin(users, eq(users.id, taskAssignments.userId))
    .where(
      and(
        eq(taskAssignments.batchId, batchId),
        eq(taskAssignments.review, q.review),
        after ? sql`(${taskAssignments.submittedAt}, ${taskAssignments.id}) > (${new Date(String(after.v))}, ${after.id})` : undefined,
      ),
    )
    .orderBy(taskAssignments.submittedAt, taskAssignments.id)
    .limit(q.limit + 1);
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
