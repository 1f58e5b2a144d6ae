import { and, asc, eq, gt, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
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
  const entries = await db
    .select()
    .from(ledgerEntries)
    .where(
      inArray(
        ledgerEntries.transactionId,
        txs.map((t) => t.id),
      ),
    )
    .orderBy(asc(ledgerEntries.id));
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
  return (res as unknown as { rows: { account: string; total: string }[] }).rows.map((r) => ({
    account: r.account,
    total: Number(r.total),
  }));
}
