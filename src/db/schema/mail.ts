import { pgTable, text, integer } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from '../columns.js';

// Owned by the mail module.

export const mailOutbox = pgTable('mail_outbox', {
  id: id(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  status: text('status').$type<'pending' | 'sent' | 'failed' | 'kept'>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  sentAt: timestamptz('sent_at'),
  createdAt: createdAt(),
});
