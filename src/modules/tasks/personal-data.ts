// The micro-tasks module's share of a personal-data export: answers given, bonuses received and earnings (from
// the ledger). Answers stay on erasure (results keep counting them) under the account's id.
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { taskAssignments, taskBatches, taskBonuses } from '../../db/schema/tasks.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { balancesOf } from '../ledger/service.js';

/**
 * A person's task answers, bonuses, and earnings balance per currency.
 * @example await exportPersonalData(db, userId) // { taskAnswers: [...], taskBonuses: [...], taskEarnings: [{ amount, currency }] }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const answers = await db
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
  const bonuses = await db
    .select({
      id: taskBonuses.id,
      batchId: taskBonuses.batchId,
      amount: taskBonuses.amount,
      currency: taskBonuses.currency,
      reason: taskBonuses.reason,
      createdAt: taskBonuses.createdAt,
    })
    .from(taskBonuses)
    .where(eq(taskBonuses.userId, userId))
    .orderBy(asc(taskBonuses.createdAt));
  const earnings = await balancesOf(db, { accounts: [LedgerAccounts.workerBalance(userId)] });
  return { taskAnswers: answers, taskBonuses: bonuses, taskEarnings: earnings.map((b) => ({ amount: b.balance, currency: b.currency })) };
}
