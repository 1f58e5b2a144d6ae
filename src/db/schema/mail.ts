import { pgTable, text, timestamp, integer } from 'drizzle-orm/pg-core';

// Owned by the mail module.

export const mailOutbox = pgTable('mail_outbox', {
  id: text('id').primaryKey(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  status: text('status').$type<'pending' | 'sent' | 'failed' | 'kept'>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
