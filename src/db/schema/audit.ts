import { pgTable, text } from 'drizzle-orm/pg-core';
import { id, jsonData, timestamptz } from '../columns.js';

export type AuditActorRole = 'member' | 'operator' | 'system';

/** The append-only audit log (migration 0060): the database refuses UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable('audit_log', {
  id: id(),
  at: timestamptz('at').notNull().defaultNow(),
  actorId: text('actor_id'),
  actorRole: text('actor_role').$type<AuditActorRole>().notNull(),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id').notNull(),
  orgId: text('org_id'),
  projectId: text('project_id'),
  summary: text('summary').notNull(),
  data: jsonData(),
  ip: text('ip'),
  requestId: text('request_id'),
});
