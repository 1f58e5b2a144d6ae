import { pgTable, text, integer } from 'drizzle-orm/pg-core';
import { createdAt, id, jsonData, timestamptz } from '../columns.js';

export const notifications = pgTable('notifications', {
  id: id(),
  userId: text('user_id').notNull(),
  kind: text('kind').notNull(),
  subject: text('subject'),
  data: jsonData(),
  readAt: timestamptz('read_at'),
  createdAt: createdAt(),
});

export const reputationEvents = pgTable('reputation_events', {
  id: id(),
  userId: text('user_id').notNull(),
  points: integer('points').notNull(),
  reason: text('reason').notNull(),
  subject: text('subject'),
  createdAt: createdAt(),
});
