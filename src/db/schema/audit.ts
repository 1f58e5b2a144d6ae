import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export type AuditActorRole = 'member' | 'operator' | 'system';

/** The append-only audit log (migration 0060): the database refuses UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable('audit_log', {
  id: text('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: text('actor_id'),
  actorRole: text('actor_role').$type<AuditActorRole>().notNull(),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id').notNull(),
  orgId: text('org_id'),
  projectId: text('project_id'),
  summary: text('summary').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  ip: text('ip'),
  requestId: text('request_id'),
});
