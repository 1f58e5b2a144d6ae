import { pgTable, text } from 'drizzle-orm/pg-core';
import { amountAndCurrency, createdAt } from '../columns.js';

// Owned by the payments module (the test payment provider's records).

/** What every record of the provider starts with: the caller's idempotency key, the provider's id and name. */
const providerRecord = () => ({
  idempotencyKey: text('idempotency_key').primaryKey(),
  id: text('id').notNull(),
  provider: text('provider').notNull(),
});

export const paymentCharges = pgTable('payment_charges', {
  ...providerRecord(),
  methodToken: text('method_token').notNull(),
  ...amountAndCurrency(),
  status: text('status').$type<'succeeded' | 'failed'>().notNull(),
  failureCode: text('failure_code'),
  createdAt: createdAt(),
});

export const paymentRefunds = pgTable('payment_refunds', {
  ...providerRecord(),
  chargeId: text('charge_id').notNull(),
  ...amountAndCurrency(),
  status: text('status').$type<'succeeded' | 'failed'>().notNull(),
  createdAt: createdAt(),
});

export const paymentPayouts = pgTable('payment_payouts', {
  ...providerRecord(),
  destination: text('destination').notNull(),
  ...amountAndCurrency(),
  status: text('status').$type<'paid' | 'failed'>().notNull(),
  createdAt: createdAt(),
});
