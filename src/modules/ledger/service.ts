import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ledgerEntries, ledgerTransactions } from '../../db/schema/ledger.js';
import { newId } from '../../lib/ids.js';

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
  const entries = input.entries.filter((e) => e.amount !== 0);
  for (const e of entries) {
    if (!Number.isSafeInteger(e.amount)) throw new UnbalancedTransactionError(`amount for ${e.account} is not an integer of minor units`);
  }
  const total = entries.reduce((s, e) => s + e.amount, 0);
  if (total !== 0) throw new UnbalancedTransactionError(`ledger transaction ${input.kind} does not balance (sum ${total})`);
  if (!entries.length) throw new UnbalancedTransactionError(`ledger transaction ${input.kind} has no entries`);
  const id = newId('ltx');
  const at = input.at ?? new Date();
  const inserted = await tx
    .insert(ledgerTransactions)
    .values({
      id,
      kind: input.kind,
      currency: input.currency,
      memo: input.memo ?? '',
      refType: input.ref?.type ?? null,
      refId: input.ref?.id ?? null,
      idempotencyKey: input.idempotencyKey ?? null,
      createdAt: at,
    })
    .onConflictDoNothing({ target: ledgerTransactions.idempotencyKey })
    .returning({ id: ledgerTransactions.id });
  if (!inserted.length) {
    const [first] = await tx
      .select({ id: ledgerTransactions.id })
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.idempotencyKey, input.idempotencyKey!));
    return first!.id;
  }
  await tx
    .insert(ledgerEntries)
    .values(entries.map((e) => ({ transactionId: id, account: e.account, currency: input.currency, amount: e.amount, createdAt: at })));
  return id;
}

/** An account's balance in one currency: the sum of its entries. */
export async function balanceOf(db: Executor, account: string, currency: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.account, account), eq(ledgerEntries.currency, currency)));
  return Number(row?.total ?? 0);
}

/** Balances of several accounts (or every account starting with a prefix), per currency. */
export async function balancesOf(db: Executor, filter: { accounts?: string[]; prefix?: string }) {
  const rows = await db
    .select({ account: ledgerEntries.account, currency: ledgerEntries.currency, total: sql<string>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(filter.accounts ? inArray(ledgerEntries.account, filter.accounts) : like(ledgerEntries.account, `${filter.prefix ?? ''}%`))
    .groupBy(ledgerEntries.account, ledgerEntries.currency);
  return rows.map((r) => ({ account: r.account, currency: r.currency, balance: Number(r.total) }));
}

/** The sum of every entry per currency: zero for each currency when the books add up. */
export async function trialBalance(db: Executor): Promise<{ currency: string; total: number }[]> {
  const rows = await db
    .select({ currency: ledgerEntries.currency, total: sql<string>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.currency);
  return rows.map((r) => ({ currency: r.currency, total: Number(r.total) }));
}

/**
 * Posts many balanced transactions at once inside the caller's transaction (batch work such as
 * settlement): each is checked like `postTransaction` and written with two array statements (`unnest`), so
 * a thousand transactions cost about as much as a few; those whose idempotency key was already used are
 * skipped. Returns how many were posted.
 * @example await postTransactions(tx, pledges.map((p) => ({ kind: 'pledge_collected', currency: 'EUR', idempotencyKey: `pledge:${p.id}:collect:1`, entries: [...] })))
 */
export async function postTransactions(tx: Executor, inputs: LedgerTransactionInput[]): Promise<number> {
  const prepared = inputs.map((input) => {
    const entries = input.entries.filter((e) => e.amount !== 0);
    for (const e of entries) {
      if (!Number.isSafeInteger(e.amount)) throw new UnbalancedTransactionError(`amount for ${e.account} is not an integer of minor units`);
    }
    const total = entries.reduce((s, e) => s + e.amount, 0);
    if (total !== 0) throw new UnbalancedTransactionError(`ledger transaction ${input.kind} does not balance (sum ${total})`);
    if (!entries.length) throw new UnbalancedTransactionError(`ledger transaction ${input.kind} has no entries`);
    return { id: newId('ltx'), input, entries, at: (input.at ?? new Date()).toISOString() };
  });
  if (!prepared.length) return 0;
  // Each column goes as one array parameter (sql.param), not expanded into a list of parameters.
  const col = <T>(f: (p: (typeof prepared)[number]) => T) => sql.param(prepared.map(f));
  const arr = <T>(values: T[]) => sql.param(values);
  const inserted = await tx.execute(sql`
    INSERT INTO ledger_transactions (id, kind, currency, memo, ref_type, ref_id, idempotency_key, created_at)
    SELECT * FROM unnest(${col((p) => p.id)}::text[], ${col((p) => p.input.kind)}::text[], ${col((p) => p.input.currency)}::text[],
      ${col((p) => p.input.memo ?? '')}::text[], ${col((p) => p.input.ref?.type ?? null)}::text[], ${col((p) => p.input.ref?.id ?? null)}::text[],
      ${col((p) => p.input.idempotencyKey ?? null)}::text[], ${col((p) => p.at)}::timestamptz[])
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id`);
  const ids = new Set(((inserted as unknown as { rows: { id: string }[] }).rows ?? []).map((r) => r.id));
  const rows = prepared
    .filter((p) => ids.has(p.id))
    .flatMap((p) => p.entries.map((e) => ({ id: p.id, account: e.account, currency: p.input.currency, amount: e.amount, at: p.at })));
  if (rows.length) {
    await tx.execute(sql`
      INSERT INTO ledger_entries (transaction_id, account, currency, amount, created_at)
      SELECT * FROM unnest(${arr(rows.map((r) => r.id))}::text[], ${arr(rows.map((r) => r.account))}::text[], ${arr(rows.map((r) => r.currency))}::text[],
        ${arr(rows.map((r) => r.amount))}::bigint[], ${arr(rows.map((r) => r.at))}::timestamptz[])`);
  }
  return ids.size;
}

// Reads other modules call (the statements live in queries.ts, which only this module imports).
export { totalsByRef, totalsToAccountsByRefs, transactionsByRef } from './queries.js';
