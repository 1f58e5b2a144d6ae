// Column builders the schema files share, so that a column written the same way in many tables is written once.
// Each gives exactly the column (SQL and TypeScript type) it replaces: the migrations are hand-written and stay as
// they are.
import { bigint, char, jsonb, text, timestamp } from 'drizzle-orm/pg-core';

/** `id text PRIMARY KEY`: an opaque id (`prj_…`, a UUIDv7). */
export const id = () => text('id').primaryKey();

/** `created_at timestamptz NOT NULL DEFAULT now()`. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** `updated_at timestamptz NOT NULL DEFAULT now()`. */
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * A `timestamptz` column (UTC), null until set unless chained with `.notNull()`.
 * @example settledAt: timestamptz('settled_at')
 */
export const timestamptz = <N extends string>(name: N) => timestamp(name, { withTimezone: true });

/**
 * A `bigint` read as a JavaScript number: amounts in minor units, counters and sequences.
 * @example goal: bigNumber('goal').notNull()
 */
export const bigNumber = <N extends string>(name: N) => bigint(name, { mode: 'number' });

/** `currency char(3)`: an ISO 4217 code, beside an amount. */
export const currency = () => char('currency', { length: 3 });

/** `data jsonb NOT NULL DEFAULT '{}'`: details of a row, an object. */
export const jsonData = () => jsonb('data').$type<Record<string, unknown>>().notNull().default({});

/**
 * An amount of money: `amount bigint NOT NULL` (minor units) and `currency char(3) NOT NULL`, in that order.
 * @example export const refunds = pgTable('refunds', { id: id(), ...amountAndCurrency(), createdAt: createdAt() })
 */
export const amountAndCurrency = () => ({ amount: bigNumber('amount').notNull(), currency: currency().notNull() });
