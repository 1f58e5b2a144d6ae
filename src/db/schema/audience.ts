import { pgTable, text, timestamp, primaryKey } from 'drizzle-orm/pg-core';

export const projectFollows = pgTable(
  'project_follows',
  {
    projectId: text('project_id').notNull(),
    userId: text('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] })],
);

export const projectSignups = pgTable('project_signups', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  userId: text('user_id'),
  email: text('email').notNull(),
  locale: text('locale').notNull().default('en'),
  notifiedAt: timestamp('notified_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
