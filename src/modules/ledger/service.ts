import type { Executor } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import {
  insertEntries,
  insertEntriesBatch,
  insertTransaction,
  insertTransactionsBatch,
  selectTransactionIdByKey,
  sumOfAccount,
  sumsByAccount,
  sumsByCurrency,
} from './queries.js';

export interface LedgerEntryInput {
  account: string;
  /** Integer minor units; positive adds to the account, negative takes from it. */
  amount: number;
}

export interface LedgerTransactionInput {
  /** What happened, e.g. `pledge_collected`, `platform_fee`, `refund`, `payout`, `task_pay`. */
  kind: string;
  currency: string;
  entries: LedgerEntryInput[];
  memo?: string;
  /** What it is about, e.g. `{ type: 'pledge', id }`. */
  ref?: { type: string; id: string };
  /** A unique key: posting twice with the same key posts once (safe retries of multi-step flows). */
  idempotencyKey?: string;
  at?: Date;
}

export class UnbalancedTransactionError extends Error {}

/**
 * Posts one balanced transaction inside the caller's transaction and returns its id. Entries of zero
 * are dropped; the entries must sum to zero (checked here and again by the database at commit).
 * With an idempotency key already used, posts nothing and returns the first transaction's id.
 * @example
 * await postTransaction(tx, { kind: 'pledge_collected', currency: 'EUR', ref: { type: 'pledge', id },
 *   entries: [{ account: LedgerAccounts.cardFunding(userId), amount: -2500 },
 *             { account: LedgerAccounts.campaignEscrow(campaignId), amount: 2500 }] })
 */
export async function postTransaction(tx: Executor, input: LedgerTransactionInput): Promise<string> {
  const entries = balancedEntries(input);
  const id = newId('ltx');
  const at = input.at ?? new Date();
  const inserted = await insertTransaction(tx, { id, ...transactionColumns(input), createdAt: at });
  if (!inserted) return (await selectTransactionIdByKey(tx, input.idempotencyKey!))!;
  await insertEntries(
    tx,
    entries.map((e) => ({ transactionId: id, account: e.account, currency: input.currency, amount: e.amount, createdAt: at })),
  );
  return id;
}

/** What a transaction row says of its input, apart from its id and time. */
function transactionColumns(input: LedgerTransactionInput) {
  return {
    kind: input.kind,
    currency: input.currency,
    memo: input.memo ?? '',
    refType: input.ref?.type ?? null,
    refId: input.ref?.id ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
  };
}

/** The entries of a transaction that are not zero, once checked: integers of minor units that sum to zero. */
function balancedEntries(input: LedgerTransactionInput): LedgerEntryInput[] {
  const entries = input.entries.filter((e) => e.amount !== 0);
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amount)) throw new UnbalancedTransactionError(`amount for ${e.account} is not an integer of minor units`);
  }
  const total = entries.reduce((s, e) => s + e.amount, 0);
  if (total !== 0) throw new UnbalancedTransactionError(`ledger transaction ${input.kind} does not balance (sum ${total})`);
  if (!entries.length) throw new UnbalancedTransactionError(`ledger transaction ${input.kind} has no entries`);
  return entries;
}

/** An account's balance in one currency: the sum of its entries. */
export function balanceOf(db: Executor, account: string, currency: string): Promise<number> {
  return sumOfAccount(db, account, currency);
}

/** Balances of several accounts (or every account starting with a prefix), per currency. */
export function balancesOf(db: Executor, filter: { accounts?: string[]; prefix?: string }) {
  return sumsByAccount(db, filter);
}

/** The sum of every entry per currency: zero for each currency when the books add up. */
export function trialBalance(db: Executor): Promise<{ currency: string; total: number }[]> {
  return sumsByCurrency(db);
}

/**
 * Posts many balanced transactions at once inside the caller's transaction (batch work such as
 * settlement): each is checked like `postTransaction` and written with two array statements (`unnest`), so
 * a thousand transactions cost about as much as a few; those whose idempotency key was already used are
 * skipped. Returns how many were posted.
 * @example await postTransactions(tx, pledges.map((p) => ({ kind: 'pledge_collected', currency: 'EUR', idempotencyKey: `pledge:${p.id}:collect:1`, entries: [...] })))
 */
export async function postTransactions(tx: Executor, inputs: LedgerTransactionInput[]): Promise<number> {
  const prepared = inputs.map((input) => ({
    entries: balancedEntries(input),
    row: { id: newId('ltx'), ...transactionColumns(input), at: (input.at ?? new Date()).toISOString() },
  }));
  if (!prepared.length) return 0;
  const ids = await insertTransactionsBatch(
    tx,
    prepared.map((p) => p.row),
  );
  await insertEntriesBatch(
    tx,
    prepared
      .filter((p) => ids.has(p.row.id))
      .flatMap((p) =>
        p.entries.map((e) => ({ id: p.row.id, account: e.account, currency: p.row.currency, amount: e.amount, at: p.row.at })),
      ),
  );
  return ids.size;
}

// Reads other modules call (the statements live in queries.ts, which only this module imports).
export { totalsByRef, totalsToAccountsByRefs, transactionsByRef } from './queries.js';
