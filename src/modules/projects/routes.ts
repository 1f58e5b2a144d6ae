import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { ZIdParams, ZPageQuery, errorResponses, paged } from '../../http/schemas.js';
import { exploreProjects, followedProjects, hostedProjects, SORTS } from './explore.js';
import { ZProject, ZProjectCard } from './schemas.js';

export { ZProject };
import { CATEGORIES, createProject, findProject, presentProject, updateProject } from './service.js';
import { auditContext } from '../audit/record-audit.js';

const ZHttpUrl = z
  .string()
  .url('must be a URL')
  .max(2000)
  .regex(/^https?:\/\//, 'must be an http(s) URL');

export const ZCreateProjectRequest = z.object({
  title: z.string().trim().min(3, 'must be at least 3 characters').max(120),
  summary: z.string().trim().min(1, 'is required').max(300),
  description: z.string().max(50_000).default(''),
  category: z.enum(CATEGORIES),
  orgId: z.string().max(100).optional(),
  coverImageUrl: ZHttpUrl.optional(),
});
export const ZUpdateProjectRequest = z.object({
  title: ZCreateProjectRequest.shape.title.optional(),
  summary: ZCreateProjectRequest.shape.summary.optional(),
  description: z.string().max(50_000).optional(),
  category: z.enum(CATEGORIES).optional(),
  coverImageUrl: ZHttpUrl.nullable().optional(),
  slug: z
    .string()
    .min(3, 'must be at least 3 characters')
    .max(60)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single dashes')
    .optional(),
});

export const ZExploreQuery = ZPageQuery.extend({
  q: z.string().max(200).optional(),
  category: z.enum(CATEGORIES).optional(),
  sort: z.enum(SORTS).optional().describe('default: relevance with q, else new'),
  orgId: z.string().max(100).optional(),
  ownerId: z.string().max(100).optional(),
});

export async function projectsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const onId = idRouteSchema('projects');

  r.get(
    '/projects',
    {
      schema: {
        tags,
        summary: 'Explore and search projects (English and French, accents ignored)',
        querystring: ZExploreQuery,
        response: { 200: paged(ZProjectCard), ...errorResponses },
      },
    },
    async (request) => exploreProjects(ctx.db, request.query),
  );

  r.post(
    '/projects',
    { schema: { tags, summary: 'Open a project', body: ZCreateProjectRequest, response: { 201: ZProject, ...errorResponses } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const p = await createProject(ctx, actor, request.body);
      return reply.status(201).send(await presentProject(ctx, p, actor));
    },
  );

  r.get(
    '/projects/:id',
    { schema: { tags, summary: 'A project by id or slug', params: ZIdParams, response: { 200: ZProject, ...errorResponses } } },
    async (request) => presentProject(ctx, await findProject(ctx.db, request.params.id, request.actor), request.actor),
  );

  r.patch(
    '/projects/:id',
    onId({
      summary: 'Edit a project (hosts)',
      body: ZUpdateProjectRequest,
      response: { 200: ZProject },
    }),
    async (request) => {
      const actor = requireActor(request);
      return presentProject(ctx, await updateProject(ctx, actor, request.params.id, request.body, auditContext(request)), actor);
    },
  );

  r.get(
    '/me/projects',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'The projects I host (hidden ones included), newest first',
        querystring: ZPageQuery,
        response: { 200: paged(ZProjectCard), ...errorResponses },
      },
    },
    async (request) => hostedProjects(ctx.db, requireActor(request).userId, request.query.limit, request.query.cursor),
  );

  r.get(
    '/me/follows',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'The projects I follow, most recently followed first',
        querystring: ZPageQuery,
        response: { 200: paged(ZProjectCard), ...errorResponses },
      },
    },
    async (request) => followedProjects(ctx.db, requireActor(request).userId, request.query.limit, request.query.cursor),
  );
}
