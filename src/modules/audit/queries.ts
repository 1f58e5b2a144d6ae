// Every statement on the audit log: appending an entry, reading a page.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { AuditActorRole } from '../../db/schema/audit.js';
import { actorNameSql, projectOrgSql } from './lookup-sql.js';

export type { AuditActorRole };

/** One audit row as written; `orgId` undefined with a `projectId` is the project's organization. */
export interface AuditRow {
  id: string;
  /** The database's now() when null. */
  at: Date | null;
  actorId: string | null;
  actorRole: AuditActorRole;
  action: string;
  targetType: string;
  targetId: string;
  orgId: string | null | undefined;
  projectId: string | null;
  summary: string;
  data: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
}

/** Appends one row; the organization of a project is read in the same statement. */
export async function insertAuditEntry(tx: Executor, r: AuditRow): Promise<void> {
  const orgId = r.orgId !== undefined || !r.projectId ? sql`${r.orgId ?? null}::text` : projectOrgSql(r.projectId);
  await tx.execute(sql`INSERT INTO audit_log (id, at, actor_id, actor_role, action, target_type, target_id, org_id, project_id, summary, data, ip, request_id)
    VALUES (${r.id}, ${r.at ? sql`${r.at.toISOString()}::timestamptz` : sql`now()`}, ${r.actorId}, ${r.actorRole}, ${r.action},
      ${r.targetType}, ${r.targetId}, ${orgId}, ${r.projectId}, ${r.summary}, ${JSON.stringify(r.data)}::jsonb, ${r.ip}, ${r.requestId})`);
}

/** An audit row as read, with the actor's name and the time as a cursor key (microseconds, UTC). */
export interface AuditReadRow {
  id: string;
  at_key: string;
  actor_id: string | null;
  actor_role: AuditActorRole;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string;
  org_id: string | null;
  project_id: string | null;
  summary: string;
  data: unknown;
  ip: string | null;
  request_id: string | null;
}

/**
 * Audit rows newest first, filtered, after `after` (a time and id of that order). `action` ending with a dot is a
 * prefix; `since` and `until` are ISO timestamps (from inclusive, to exclusive).
 */
export async function selectAuditPage(
  db: Executor,
  f: { actorId?: string; targetType?: string; targetId?: string; action?: string; orgId?: string; since?: string; until?: string },
  after: { at: string; id: string } | null,
  limit: number,
): Promise<AuditReadRow[]> {
  const where: SQL[] = [];
  if (f.actorId) where.push(sql`a.actor_id = ${f.actorId}`);
  if (f.targetType) where.push(sql`a.target_type = ${f.targetType}`);
  if (f.targetId) where.push(sql`a.target_id = ${f.targetId}`);
  if (f.action)
    where.push(f.action.endsWith('.') ? sql`a.action LIKE ${`${f.action.replace(/[\\%_]/g, '\\$&')}%`}` : sql`a.action = ${f.action}`);
  if (f.orgId) where.push(sql`a.org_id = ${f.orgId}`);
  if (f.since) where.push(sql`a.at >= ${f.since}::timestamptz`);
  if (f.until) where.push(sql`a.at < ${f.until}::timestamptz`);
  if (after) where.push(sql`(a.at, a.id) < (${after.at}::timestamptz, ${after.id})`);
  const res = await db.execute(sql`SELECT a.id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key,
      a.actor_id, a.actor_role, ${actorNameSql(sql`a.actor_id`)} AS actor_name, a.action, a.target_type, a.target_id, a.org_id, a.project_id,
      a.summary, a.data, a.ip, a.request_id
    FROM audit_log a
    WHERE ${where.length ? sql.join(where, sql` AND `) : sql`TRUE`}
    ORDER BY a.at DESC, a.id DESC LIMIT ${limit}`);
  return rowsOf<AuditReadRow>(res);
}
