import { pgTable, text, bigserial } from 'drizzle-orm/pg-core';
import { bigNumber, createdAt, currency, id } from '../columns.js';

export const ledgerTransactions = pgTable('ledger_transactions', {
  id: id(),
  kind: text('kind').notNull(),
  currency: currency().notNull(),
  memo: text('memo').notNull().default(''),
  refType: text('ref_type'),
  refId: text('ref_id'),
  idempotencyKey: text('idempotency_key'),
  createdAt: createdAt(),
});

export const ledgerEntries = pgTable('ledger_entries', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  transactionId: text('transaction_id').notNull(),
  account: text('account').notNull(),
  currency: currency().notNull(),
  amount: bigNumber('amount').notNull(),
  createdAt: createdAt(),
});
