import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { DomainError } from '../../lib/errors.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { ZIdParams, ZPageQuery, errorResponses, paged } from '../../http/schemas.js';
import { listActivity } from './activity.js';
import { createComment, getComment, listComments } from './comments.js';
import { SUBJECT_PATTERN, SUBJECT_TYPES } from './subjects.js';

export const ZSubjectRef = z
  .string()
  .max(140)
  .regex(SUBJECT_PATTERN, `must be type:id, with type one of ${SUBJECT_TYPES.join(', ')}`)
  .describe(`what the comments are about, as type:id (types: ${SUBJECT_TYPES.join(', ')})`);

export const ZCreateCommentRequest = z.object({
  body: z.string().trim().min(1, 'is required').max(10_000, 'must be at most 10000 characters').describe('Markdown'),
  parentId: z.string().min(1).max(100).optional().describe('the comment this answers (same subject)'),
  subject: ZSubjectRef.optional().describe('instead of ?subject='),
});

export const ZComment = z.object({
  id: z.string(),
  subject: z.string(),
  parentId: z.string().nullable(),
  rootId: z.string(),
  depth: z.number().int(),
  author: z.object({ id: z.string(), name: z.string() }).nullable().describe('null when hidden by moderation'),
  body: z.string().nullable().describe('Markdown; null when hidden by moderation'),
  bodyHtml: z.string().nullable().describe('safe HTML; null when hidden by moderation'),
  hidden: z.boolean(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
export const ZThread = ZComment.extend({
  replyCount: z.number().int(),
  moreReplies: z.boolean(),
  replies: z.array(ZComment).describe('every reply in reading order (depth first); nest by parentId/depth'),
});
export const ZActivity = z.object({
  id: z.string(),
  kind: z.string().describe('project_created, follow, comment, update, and kinds other modules add (campaign_launched, pledge, idea, …)'),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  subject: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hidden: z.boolean().describe('true only for operators viewing an event about hidden content'),
  createdAt: z.string(),
});

/** Comments on any subject and the project activity feed. */
export async function commentRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];
  const onId = idRouteSchema('community');

  r.get(
    '/comments',
    {
      schema: {
        tags,
        summary: "A subject's comment threads: a page of top comments, each with its replies",
        querystring: ZPageQuery.extend({ subject: ZSubjectRef, sort: z.enum(['new', 'old']).default('new') }),
        response: { 200: paged(ZThread).extend({ subject: z.string(), total: z.number().int() }), ...errorResponses },
      },
    },
    async (request) => listComments(ctx, request.actor, request.query),
  );

  r.post(
    '/comments',
    {
      schema: {
        tags,
        summary: 'Comment on a subject (?subject=type:id), or reply with parentId',
        querystring: z.object({ subject: ZSubjectRef.optional() }),
        body: ZCreateCommentRequest,
        response: { 201: ZThread, ...errorResponses },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const fromQuery = request.query.subject;
      const fromBody = request.body.subject;
      if (!fromQuery && !fromBody) {
        throw new DomainError('validation_failed', 'querystring.subject: is required', [
          { field: 'querystring.subject', message: 'is required' },
        ]);
      }
      if (fromQuery && fromBody && fromQuery !== fromBody) {
        throw new DomainError('validation_failed', 'body.subject: differs from ?subject=', [
          { field: 'body.subject', message: 'differs from ?subject=' },
        ]);
      }
      return reply.status(201).send(await createComment(ctx, actor, (fromQuery ?? fromBody)!, request.body));
    },
  );

  r.get(
    '/comments/:id',
    { schema: { tags, summary: 'One comment', params: ZIdParams, response: { 200: ZComment, ...errorResponses } } },
    async (request) => getComment(ctx, request.actor, request.params.id),
  );

  r.get(
    '/projects/:id/activity',
    onId({
      summary: "A project's activity feed, newest first",
      querystring: ZPageQuery.extend({ kind: z.string().max(50).optional() }),
      response: { 200: paged(ZActivity) },
    }),
    async (request) => listActivity(ctx, request.actor, request.params.id, request.query),
  );
}
