import { and, asc, eq, gt, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { ledgerEntries, ledgerTransactions } from '../../db/schema/ledger.js';

/**
 * The sum of entries of every transaction about one thing (e.g. `{ type: 'campaign', id }`), per transaction
 * kind, account class (the account name's first two parts: `external:card`, `platform:fees`, `host:org` …)
 * and currency: where that thing's money went. Sums to zero per currency, as each transaction does.
 * @example await totalsByRef(db, { type: 'campaign', id }) // [{ kind: 'pledge_collected', accountClass: 'platform:fees', currency: 'EUR', total: 1250 }, …]
 */
export async function totalsByRef(db: Executor, ref: { type: string; id: string }) {
  const accountClass = sql<string>`split_part(${ledgerEntries.account}, ':', 1) || ':' || split_part(${ledgerEntries.account}, ':', 2)`;
  const rows = await db
    .select({
      kind: ledgerTransactions.kind,
      accountClass,
      currency: ledgerEntries.currency,
      total: sql<string>`sum(${ledgerEntries.amount})`,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(and(eq(ledgerTransactions.refType, ref.type), eq(ledgerTransactions.refId, ref.id)))
    .groupBy(ledgerTransactions.kind, accountClass, ledgerEntries.currency);
  return rows.map((r) => ({ kind: r.kind, accountClass: r.accountClass, currency: r.currency, total: Number(r.total) }));
}

/**
 * The transactions about one thing, oldest first, with their entries; paged by (time, id).
 * @example await transactionsByRef(db, { type: 'campaign', id }, { limit: 50 })
 */
export async function transactionsByRef(
  db: Executor,
  ref: { type: string; id: string },
  page: { limit: number; after?: { at: Date; id: string } | null },
) {
  const txs = await db
    .select()
    .from(ledgerTransactions)
    .where(
      and(
        eq(ledgerTransactions.refType, ref.type),
        eq(ledgerTransactions.refId, ref.id),
        page.after
          ? or(
              gt(ledgerTransactions.createdAt, page.after.at),
              and(eq(ledgerTransactions.createdAt, page.after.at), gt(ledgerTransactions.id, page.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(ledgerTransactions.createdAt), asc(ledgerTransactions.id))
    .limit(page.limit);
  if (!txs.length) return [];
  const entries = await selectEntriesOf(
    db,
    txs.map((t) => t.id),
  );
  return txs.map((t) => ({ ...t, entries: entries.filter((e) => e.transactionId === t.id) }));
}

/**
 * What the ledger moved to each account whose name is LIKE `accountLike`, over the transactions about the things
 * in `refs` (SQL rows `(ref_type, ref_id)`, e.g. a batch's assignments and bonuses): e.g. what each worker was paid.
 * @example await totalsToAccountsByRefs(db, sql`SELECT 'task_bonus' AS ref_type, b.id AS ref_id FROM task_bonuses b`, 'worker:%')
 */
export async function totalsToAccountsByRefs(db: Executor, refs: SQL, accountLike: string): Promise<{ account: string; total: number }[]> {
  const res = await db.execute(sql`
      SELECT e.account, sum(e.amount) AS total FROM (
        SELECT t.id FROM (${refs}) r JOIN ledger_transactions t ON t.ref_type = r.ref_type AND t.ref_id = r.ref_id
      ) tx JOIN ledger_entries e ON e.transaction_id = tx.id
      WHERE e.account LIKE ${accountLike}
      GROUP BY e.account`);
  return rowsOf<{ account: string; total: string }>(res).map((r) => ({
    account: r.account,
    total: Number(r.total),
  }));
}

type TransactionRow = typeof ledgerTransactions.$inferInsert;
type EntryRow = typeof ledgerEntries.$inferInsert;

/** Inserts one transaction unless its idempotency key was used; returns its id, or null when the key was taken. */
export async function insertTransaction(tx: Executor, row: TransactionRow): Promise<string | null> {
  const inserted = await tx
    .insert(ledgerTransactions)
    .values(row)
    .onConflictDoNothing({ target: ledgerTransactions.idempotencyKey })
    .returning({ id: ledgerTransactions.id });
  return inserted[0]?.id ?? null;
}

/** The id of the transaction posted with this idempotency key. */
export async function selectTransactionIdByKey(db: Executor, idempotencyKey: string): Promise<string | undefined> {
  const [first] = await db
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.idempotencyKey, idempotencyKey));
  return first?.id;
}

export async function insertEntries(tx: Executor, rows: EntryRow[]): Promise<void> {
  await tx.insert(ledgerEntries).values(rows);
}

/** The sum of an account's entries in one currency (0 for none). */
export async function sumOfAccount(db: Executor, account: string, currency: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${ledgerEntries.amount}), 0)` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.account, account), eq(ledgerEntries.currency, currency)));
  return Number(row?.total ?? 0);
}

/** The sum of entries per account and currency, of the accounts named or of those starting with `prefix`. */
export async function sumsByAccount(db: Executor, filter: { accounts?: string[]; prefix?: string }) {
  const rows = await db
    .select({ account: ledgerEntries.account, currency: ledgerEntries.currency, total: sql<string>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .where(filter.accounts ? inArray(ledgerEntries.account, filter.accounts) : like(ledgerEntries.account, `${filter.prefix ?? ''}%`))
    .groupBy(ledgerEntries.account, ledgerEntries.currency);
  return rows.map((r) => ({ account: r.account, currency: r.currency, balance: Number(r.total) }));
}

/** The sum of every entry per currency. */
export async function sumsByCurrency(db: Executor): Promise<{ currency: string; total: number }[]> {
  const rows = await db
    .select({ currency: ledgerEntries.currency, total: sql<string>`sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .groupBy(ledgerEntries.currency);
  return rows.map((r) => ({ currency: r.currency, total: Number(r.total) }));
}

/** One transaction of a batch, as `insertTransactionsBatch` writes it. */
export interface BatchTransaction {
  id: string;
  kind: string;
  currency: string;
  memo: string;
  refType: string | null;
  refId: string | null;
  idempotencyKey: string | null;
  /** ISO timestamp. */
  at: string;
}

/**
 * Inserts many transactions with one array statement (`unnest`), skipping those whose idempotency key was used;
 * returns the ids inserted.
 */
export async function insertTransactionsBatch(tx: Executor, txs: BatchTransaction[]): Promise<Set<string>> {
  // Each column goes as one array parameter (sql.param), not expanded into a list of parameters.
  const col = <T>(f: (p: BatchTransaction) => T) => sql.param(txs.map(f));
  const inserted = await tx.execute(sql`
    INSERT INTO ledger_transactions (id, kind, currency, memo, ref_type, ref_id, idempotency_key, created_at)
    SELECT * FROM unnest(${col((p) => p.id)}::text[], ${col((p) => p.kind)}::text[], ${col((p) => p.currency)}::text[],
      ${col((p) => p.memo)}::text[], ${col((p) => p.refType)}::text[], ${col((p) => p.refId)}::text[],
      ${col((p) => p.idempotencyKey)}::text[], ${col((p) => p.at)}::timestamptz[])
    ON CONFLICT (idempotency_key) DO NOTHING
    RETURNING id`);
  return new Set(rowsOf<{ id: string }>(inserted).map((r) => r.id));
}

/** Inserts many entries with one array statement (`unnest`); `at` is an ISO timestamp. */
export async function insertEntriesBatch(
  tx: Executor,
  rows: { id: string; account: string; currency: string; amount: number; at: string }[],
): Promise<void> {
  if (!rows.length) return;
  const arr = <T>(values: T[]) => sql.param(values);
  await tx.execute(sql`
      INSERT INTO ledger_entries (transaction_id, account, currency, amount, created_at)
      SELECT * FROM unnest(${arr(rows.map((r) => r.id))}::text[], ${arr(rows.map((r) => r.account))}::text[], ${arr(rows.map((r) => r.currency))}::text[],
        ${arr(rows.map((r) => r.amount))}::bigint[], ${arr(rows.map((r) => r.at))}::timestamptz[])`);
}

/** Every transaction with an entry on one of `accounts`, oldest first. */
export async function selectTransactionsTouching(db: Executor, accounts: string[]) {
  const ids = db.selectDistinct({ id: ledgerEntries.transactionId }).from(ledgerEntries).where(inArray(ledgerEntries.account, accounts));
  return db
    .select()
    .from(ledgerTransactions)
    .where(inArray(ledgerTransactions.id, ids))
    .orderBy(asc(ledgerTransactions.createdAt), asc(ledgerTransactions.id));
}

/** The entries of these transactions, in the order they were written. */
export async function selectEntriesOf(db: Executor, transactionIds: string[]) {
  return db.select().from(ledgerEntries).where(inArray(ledgerEntries.transactionId, transactionIds)).orderBy(asc(ledgerEntries.id));
}
