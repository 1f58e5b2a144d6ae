// Reading the audit log: the operators' view of everything, and an organization's view of its own entries.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { ZPageQuery } from '../../http/schemas.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { forbidden, invalid } from '../../lib/errors.js';
import { orgRoleFor } from './org-access.js';
import { selectAuditPage } from './queries.js';

const ZWhen = z.union([
  z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, e.g. 2026-06-30T18:00:00Z, or a date' }),
  z.iso.date({ message: 'must be a date, e.g. 2026-06-30, or an ISO 8601 date and time' }),
]);
const ZCode = z.string().trim().min(1).max(100);

/** What the audit lists may be filtered by, for the operators' list (GET /audit) and an organization's. */
export const ZAuditQuery = ZPageQuery.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  actorId: ZCode.optional().describe('who acted (a person id)'),
  targetType: ZCode.optional().describe(
    'project, comment, report, campaign, pledge, payout, org, task_batch, task_assignment, idea, user, api_token',
  ),
  targetId: ZCode.optional(),
  action: ZCode.optional().describe('an action code (project.hide), or a prefix ending in a dot (org.)'),
  orgId: ZCode.optional().describe('entries about this organization or its projects'),
  since: ZWhen.optional().describe('from this moment on (a date alone: from its start, UTC)'),
  until: ZWhen.optional().describe('before this moment (a date alone: up to its end, UTC)'),
});

export type AuditQuery = z.infer<typeof ZAuditQuery>;

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
  const rows = await selectAuditPage(
    ctx.db,
    {
      ...q,
      since: q.since ? bound(q.since, false) : undefined,
      until: q.until ? bound(q.until, true) : undefined,
    },
    pos ? { at: String(pos.v), id: pos.id } : null,
    q.limit + 1,
  );
  const page = pageOf(rows, q.limit, (r) => ({ v: r.at_key, id: r.id }));
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
