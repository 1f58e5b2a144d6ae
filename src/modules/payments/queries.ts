// Every statement on the test provider's books (payment_charges, payment_refunds, payment_payouts).
import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { paymentCharges, paymentPayouts, paymentRefunds } from '../../db/schema/payments.js';

export type ChargeRow = typeof paymentCharges.$inferSelect;
export type RefundRow = typeof paymentRefunds.$inferSelect;
export type PayoutRow = typeof paymentPayouts.$inferSelect;

type Books = typeof paymentCharges | typeof paymentRefunds | typeof paymentPayouts;

/** Writes a row for its idempotency key unless one is there; the row kept for the key either way. */
async function insertOnce<T extends Books>(db: Executor, table: T, row: T['$inferInsert']): Promise<T['$inferSelect']> {
  const books = table as Books;
  const [inserted] = await db
    .insert(books)
    .values(row as never)
    .onConflictDoNothing({ target: books.idempotencyKey })
    .returning();
  if (inserted) return inserted as T['$inferSelect'];
  const [kept] = await db.select().from(books).where(eq(books.idempotencyKey, row.idempotencyKey));
  return kept as T['$inferSelect'];
}

export function insertChargeOnce(db: Executor, row: typeof paymentCharges.$inferInsert): Promise<ChargeRow> {
  return insertOnce(db, paymentCharges, row);
}

export function insertRefundOnce(db: Executor, row: typeof paymentRefunds.$inferInsert): Promise<RefundRow> {
  return insertOnce(db, paymentRefunds, row);
}

export function insertPayoutOnce(db: Executor, row: typeof paymentPayouts.$inferInsert): Promise<PayoutRow> {
  return insertOnce(db, paymentPayouts, row);
}

/** Writes several charges in one statement, each unless its key is there already. */
export async function insertCharges(db: Executor, rows: (typeof paymentCharges.$inferInsert)[]): Promise<void> {
  const col = <T>(f: (r: (typeof rows)[number]) => T) => sql.param(rows.map(f));
  await db.execute(sql`
    INSERT INTO payment_charges (idempotency_key, id, provider, method_token, amount, currency, status, failure_code)
    SELECT * FROM unnest(${col((r) => r.idempotencyKey)}::text[], ${col((r) => r.id)}::text[], ${col((r) => r.provider)}::text[],
      ${col((r) => r.methodToken)}::text[], ${col((r) => r.amount)}::bigint[], ${col((r) => r.currency)}::text[],
      ${col((r) => r.status)}::text[], ${col((r) => r.failureCode ?? null)}::text[])
    ON CONFLICT (idempotency_key) DO NOTHING`);
}

/** The charges kept for these keys. */
export function selectCharges(db: Executor, keys: string[]): Promise<ChargeRow[]> {
  return db.select().from(paymentCharges).where(inArray(paymentCharges.idempotencyKey, keys));
}

export async function selectCharge(db: Executor, key: string): Promise<ChargeRow | undefined> {
  const [row] = await db.select().from(paymentCharges).where(eq(paymentCharges.idempotencyKey, key));
  return row;
}
