import { pgTable, text, integer, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt } from '../columns.js';

// Owned by http/idempotency (the edge), not by a module.

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
