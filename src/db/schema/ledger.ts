import { pgTable, text, timestamp, bigint, bigserial, char } from 'drizzle-orm/pg-core';

export const ledgerTransactions = pgTable('ledger_transactions', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  memo: text('memo').notNull().default(''),
  refType: text('ref_type'),
  refId: text('ref_id'),
  idempotencyKey: text('idempotency_key'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ledgerEntries = pgTable('ledger_entries', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  transactionId: text('transaction_id').notNull(),
  account: text('account').notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
