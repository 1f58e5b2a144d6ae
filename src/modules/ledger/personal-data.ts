// The ledger's share of a personal-data export. On erasure nothing here changes: the ledger is append-only and
// kept for accounting; its accounts name people by account id only (`external:card:usr_…`), and an erased
// account's row no longer leads to a name or an address.
import type { Executor } from '../../db/client.js';
import { LedgerAccounts } from './accounts.js';
import { selectEntriesOf, selectTransactionsTouching } from './queries.js';

/** The ledger accounts that are one person's: their card, their task earnings, and their host balance and payouts. */
export function personalAccounts(userId: string): string[] {
  const owner = `user:${userId}`;
  return [
    LedgerAccounts.cardFunding(userId),
    LedgerAccounts.workerBalance(userId),
    LedgerAccounts.hostBalance(owner),
    LedgerAccounts.payoutDestination(owner),
    LedgerAccounts.hostFunding(owner),
  ];
}

/**
 * Every transaction with an entry on one of `accounts`, oldest first, with all its entries.
 * @example await transactionsTouching(db, personalAccounts(userId))
 */
export async function transactionsTouching(db: Executor, accounts: string[]) {
  if (!accounts.length) return [];
  const txs = await selectTransactionsTouching(db, accounts);
  if (!txs.length) return [];
  const entries = await selectEntriesOf(
    db,
    txs.map((t) => t.id),
  );
  return txs.map((t) => ({
    id: t.id,
    kind: t.kind,
    currency: t.currency,
    memo: t.memo,
    ref: t.refType ? `${t.refType}:${t.refId}` : null,
    createdAt: t.createdAt,
    entries: entries.filter((e) => e.transactionId === t.id).map((e) => ({ account: e.account, amount: e.amount })),
  }));
}

/**
 * The person's ledger accounts, their balances, and every transaction on them.
 * @example await exportPersonalData(db, userId) // { accounts: [{ account, currency, balance }], transactions: [...] }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const accounts = personalAccounts(userId);
  const transactions = await transactionsTouching(db, accounts);
  const balances = new Map<string, number>();
  for (const t of transactions) {
    for (const e of t.entries) {
      if (!accounts.includes(e.account)) continue;
      const key = `${e.account}\u0000${t.currency}`;
      balances.set(key, (balances.get(key) ?? 0) + e.amount);
    }
  }
  return {
    accounts: [...balances].map(([key, balance]) => {
      const [account, currency] = key.split('\u0000');
      return { account: account!, currency: currency!, balance };
    }),
    transactions,
  };
}
