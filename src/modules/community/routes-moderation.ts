import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor, requireOperator } from '../../http/auth.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { ZPageQuery, errorResponses, paged } from '../../http/schemas.js';
import { ZProject } from '../projects/schemas.js';
import { presentProject } from '../projects/service.js';
import { setCommentHidden } from './hide-comment.js';
import { setProjectHiddenByOperator } from './hide-project.js';
import { listReports } from './list-reports.js';
import { type ModeratedType, reportSubject } from './report-subject.js';
import { resolveReport } from './resolve-report.js';
import { ZComment } from './routes-comments.js';
import { auditContext } from '../audit/record-audit.js';

export const ZReportRequest = z.object({ reason: z.string().trim().min(3, 'must be at least 3 characters').max(1000) });
export const ZResolveReportRequest = z.object({ action: z.enum(['hide', 'dismiss']), note: z.string().trim().max(1000).optional() });
const ZHideRequest = z
  .object({ reason: z.string().trim().max(1000).optional() })
  .nullish()
  .describe('optional');

const ZReportReceipt = z.object({
  id: z.string(),
  subject: z.string(),
  reason: z.string(),
  status: z.enum(['open', 'resolved']),
  createdAt: z.string(),
});
const ZPerson = z.object({ id: z.string(), name: z.string() });
export const ZReport = z.object({
  id: z.string(),
  subject: z.object({
    type: z.enum(['comment', 'project']),
    id: z.string(),
    hidden: z.boolean(),
    author: ZPerson.nullable().describe("the comment's author or the project's owner"),
    excerpt: z.string().nullable().describe('a comment: its text, shortened'),
    on: z.string().nullable().describe('a comment: what it is on (type:id)'),
    projectId: z.string().nullable(),
    title: z.string().nullable().describe('a project: its title'),
    slug: z.string().nullable(),
  }),
  reason: z.string(),
  reporter: ZPerson,
  openReports: z.number().int().describe('open reports about the same subject'),
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(['hidden', 'dismissed']).nullable(),
  note: z.string().nullable(),
  resolvedBy: ZPerson.nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});

/** Reports from anyone signed in; the operators' queue; hiding and showing comments and projects. */
export async function moderationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['moderation'];
  const onId = idRouteSchema('moderation');

  for (const type of ['comment', 'project'] as const satisfies readonly ModeratedType[]) {
    r.post(
      `/${type}s/:id/report`,
      {
        ...onId({
          summary: `Report a ${type} to the operators (201 the first time, 200 while your report is open)`,
          body: ZReportRequest,
          response: { 200: ZReportReceipt, 201: ZReportReceipt },
        }),
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const { report, created } = await reportSubject(ctx, requireActor(request), type, request.params.id, request.body.reason);
        return reply.status(created ? 201 : 200).send(report);
      },
    );
  }

  r.get(
    '/moderation/reports',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'The report queue (operators): open ones oldest first, or resolved/all newest first',
        querystring: ZPageQuery.extend({ status: z.enum(['open', 'resolved', 'all']).default('open') }),
        response: { 200: paged(ZReport), ...errorResponses },
      },
    },
    async (request) => {
      requireOperator(request);
      return listReports(ctx, request.query);
    },
  );

  r.post(
    '/moderation/reports/:id/resolve',
    onId({
      summary: 'Resolve a report (operators): hide its subject or dismiss; resolves every open report on that subject',
      body: ZResolveReportRequest,
      response: { 200: ZReport },
    }),
    async (request) => resolveReport(ctx, requireOperator(request), request.params.id, request.body, auditContext(request)),
  );

  for (const hidden of [true, false]) {
    const verb = hidden ? 'hide' : 'unhide';
    r.post(
      `/comments/:id/${verb}`,
      onId({
        summary: hidden ? 'Hide a comment (operators)' : 'Show a hidden comment again (operators)',
        body: ZHideRequest,
        response: { 200: ZComment },
      }),
      async (request) =>
        setCommentHidden(ctx, requireOperator(request), request.params.id, hidden, request.body?.reason, auditContext(request)),
    );

    r.post(
      `/projects/:id/${verb}`,
      onId({
        summary: hidden ? 'Hide a project (operators)' : 'Show a hidden project again (operators)',
        body: ZHideRequest,
        response: { 200: ZProject },
      }),
      async (request) => {
        const operator = requireOperator(request);
        return presentProject(
          ctx,
          await setProjectHiddenByOperator(ctx, operator, request.params.id, hidden, request.body?.reason, auditContext(request)),
          operator,
        );
      },
    );
  }
}
