import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor, requireOperator } from '../../http/auth.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { errorResponses, paged } from '../../http/schemas.js';
import { listAudit, listOrgAudit, ZAuditQuery } from './list-audit.js';

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
