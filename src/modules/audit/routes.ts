import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor, requireOperator } from '../../http/auth.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { ZPageQuery, errorResponses, paged } from '../../http/schemas.js';
import { listAudit, listOrgAudit } from './list-audit.js';

const ZWhen = z.union([
  z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, e.g. 2026-06-30T18:00:00Z, or a date' }),
  z.iso.date({ message: 'must be a date, e.g. 2026-06-30, or an ISO 8601 date and time' }),
]);
const ZCode = z.string().trim().min(1).max(100);

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

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    id: z.string().nullable().describe('null: the instance itself (scheduler, start-up, command line)'),
    role: z.enum(['member', 'operator', 'system']),
    name: z.string().nullable().describe('null for the system or an erased account'),
  }),
  action: z.string().describe('a stable code such as project.hide, pledge.refund, org.member_role_change'),
  target: z.object({ type: z.string(), id: z.string() }),
  orgId: z.string().nullable(),
  projectId: z.string().nullable(),
  summary: z.string(),
  data: z.record(z.string(), z.unknown()),
  ip: z.string().nullable().describe('operators only'),
  requestId: z.string().nullable().describe('operators only'),
});

/** The audit log: all of it for operators, an organization's own entries for its owners and admins. */
export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  const onId = idRouteSchema('audit');

  r.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'The audit log (operators): administrative and money actions, newest first',
        description: 'Append-only: who did what, to what, when, from which IP and request. Filters combine.',
        querystring: ZAuditQuery,
        response: { 200: paged(ZAuditEntry), ...errorResponses },
      },
    },
    async (request) => {
      requireOperator(request);
      return listAudit(ctx, request.query, true);
    },
  );

  r.get(
    '/orgs/:id/audit',
    onId({
      summary: "An organization's audit log (its owners and admins): actions on it, its members, projects and money",
      querystring: ZAuditQuery.omit({ orgId: true }),
      response: { 200: paged(ZAuditEntry) },
    }),
    async (request) => listOrgAudit(ctx, requireActor(request), request.params.id, request.query),
  );
}
