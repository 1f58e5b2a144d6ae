// The micro-tasks module's share of a personal-data export: answers given, bonuses received and earnings (from
// the ledger). Answers stay on erasure (results keep counting them) under the account's id.
import type { Executor } from '../../db/client.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { balancesOf } from '../ledger/service.js';
import { selectAnswersOfPerson, selectBonusesOfPerson } from './worker-queries.js';

/**
 * A person's task answers, bonuses, and earnings balance per currency.
 * @example await exportPersonalData(db, userId) // { taskAnswers: [...], taskBonuses: [...], taskEarnings: [{ amount, currency }] }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const answers = await selectAnswersOfPerson(db, userId);
  const bonuses = await selectBonusesOfPerson(db, userId);
  const earnings = await balancesOf(db, { accounts: [LedgerAccounts.workerBalance(userId)] });
  return { taskAnswers: answers, taskBonuses: bonuses, taskEarnings: earnings.map((b) => ({ amount: b.balance, currency: b.currency })) };
}
