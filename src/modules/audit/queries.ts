// Reading the audit log: the operators' view of everything, and an organization's view of its own entries.
import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { forbidden, invalid } from '../../lib/errors.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { orgRoleFor } from './org-access.js';

export interface AuditQuery {
  actorId?: string;
  targetType?: string;
  targetId?: string;
  action?: string;
  orgId?: string;
  since?: string;
  until?: string;
  limit: number;
  cursor?: string;
}

interface Row {
  id: string;
  at_key: string;
  actor_id: string | null;
  actor_role: 'member' | 'operator' | 'system';
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

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A bound of the date filter: a date alone means that day (UTC), whole, for `until` too. */
function bound(value: string, end: boolean): string {
  if (!DATE_ONLY.test(value)) return new Date(value).toISOString();
  const d = new Date(`${value}T00:00:00Z`);
  if (end) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

/**
 * A page of the audit log, newest first, filtered. `withNetwork` keeps the IP and request id (operators only).
 * @example await listAudit(ctx, { action: 'project.hide', limit: 50 }, true) // { items, nextCursor }
 */
export async function listAudit(ctx: AppContext, q: AuditQuery, withNetwork: boolean) {
  const pos = decodeCursor(q.cursor);
  if (q.cursor && (!pos || typeof pos.v !== 'string' || Number.isNaN(Date.parse(pos.v)))) {
    throw invalid('invalid_cursor', 'This cursor does not belong to this list: start again without it.', { field: 'querystring.cursor' });
  }
  const where: SQL[] = [];
  if (q.actorId) where.push(sql`a.actor_id = ${q.actorId}`);
  if (q.targetType) where.push(sql`a.target_type = ${q.targetType}`);
  if (q.targetId) where.push(sql`a.target_id = ${q.targetId}`);
  if (q.action)
    where.push(q.action.endsWith('.') ? sql`a.action LIKE ${`${q.action.replace(/[\\%_]/g, '\\$&')}%`}` : sql`a.action = ${q.action}`);
  if (q.orgId) where.push(sql`a.org_id = ${q.orgId}`);
  if (q.since) where.push(sql`a.at >= ${bound(q.since, false)}::timestamptz`);
  if (q.until) where.push(sql`a.at < ${bound(q.until, true)}::timestamptz`);
  if (pos) where.push(sql`(a.at, a.id) < (${pos.v}::timestamptz, ${pos.id})`);
  const res = await ctx.db.execute(sql`SELECT a.id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key,
      a.actor_id, a.actor_role, u.name AS actor_name, a.action, a.target_type, a.target_id, a.org_id, a.project_id,
      a.summary, a.data, a.ip, a.request_id
    FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
    WHERE ${where.length ? sql.join(where, sql` AND `) : sql`TRUE`}
    ORDER BY a.at DESC, a.id DESC LIMIT ${q.limit + 1}`);
  const page = pageOf((res as unknown as { rows: Row[] }).rows, q.limit, (r) => ({ v: r.at_key, id: r.id }));
  return {
    items: page.items.map((r) => ({
      id: r.id,
      at: new Date(r.at_key).toISOString(),
      actor: { id: r.actor_id, role: r.actor_role, name: r.actor_name },
      action: r.action,
      target: { type: r.target_type, id: r.target_id },
      orgId: r.org_id,
      projectId: r.project_id,
      summary: r.summary,
      data: (typeof r.data === 'string' ? JSON.parse(r.data) : (r.data ?? {})) as Record<string, unknown>,
      ip: withNetwork ? r.ip : null,
      requestId: withNetwork ? r.request_id : null,
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * An organization's own audit log, for its owners and admins (and operators). Plain members get 403; an unknown
 * organization 404.
 * @example await listOrgAudit(ctx, actor, 'atelier-velo', { limit: 50 })
 */
export async function listOrgAudit(ctx: AppContext, actor: Actor, idOrSlug: string, q: Omit<AuditQuery, 'orgId'>) {
  const { orgId, role } = await orgRoleFor(ctx.db, idOrSlug, actor.userId);
  // Why: the log names who did what to the organization's money and members; only those who run it read it.
  if (actor.role !== 'operator' && role !== 'owner' && role !== 'admin')
    throw forbidden('Only an owner or admin of this organization can read its audit log.');
  return listAudit(ctx, { ...q, orgId }, false);
}
