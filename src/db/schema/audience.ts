import { pgTable, text, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz } from '../columns.js';

export const projectFollows = pgTable(
  'project_follows',
  {
    projectId: text('project_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] })],
);

export const projectSignups = pgTable('project_signups', {
  id: id(),
  projectId: text('project_id').notNull(),
  userId: text('user_id'),
  email: text('email').notNull(),
  locale: text('locale').notNull().default('en'),
  notifiedAt: timestamptz('notified_at'),
  createdAt: createdAt(),
});
