import { pgTable, text, timestamp, bigint, char } from 'drizzle-orm/pg-core';

// Owned by the payments module (the test payment provider's records).

export const paymentCharges = pgTable('payment_charges', {
  idempotencyKey: text('idempotency_key').primaryKey(),
  id: text('id').notNull(),
  provider: text('provider').notNull(),
  methodToken: text('method_token').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  status: text('status').$type<'succeeded' | 'failed'>().notNull(),
  failureCode: text('failure_code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const paymentRefunds = pgTable('payment_refunds', {
  idempotencyKey: text('idempotency_key').primaryKey(),
  id: text('id').notNull(),
  provider: text('provider').notNull(),
  chargeId: text('charge_id').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  status: text('status').$type<'succeeded' | 'failed'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const paymentPayouts = pgTable('payment_payouts', {
  idempotencyKey: text('idempotency_key').primaryKey(),
  id: text('id').notNull(),
  provider: text('provider').notNull(),
  destination: text('destination').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  status: text('status').$type<'paid' | 'failed'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
