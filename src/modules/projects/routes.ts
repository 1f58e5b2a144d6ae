import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { ZIdParams, errorResponses } from '../../http/schemas.js';
import { CATEGORIES, createProject, findProject, presentProject, updateProject } from './service.js';

export const ZCreateProjectRequest = z.object({
  title: z.string().trim().min(3, 'must be at least 3 characters').max(120),
  summary: z.string().trim().min(1, 'is required').max(300),
  description: z.string().max(50_000).default(''),
  category: z.enum(CATEGORIES),
  orgId: z.string().max(100).optional(),
  coverImageUrl: z.string().url().max(2000).regex(/^https?:\/\//, 'must be an http(s) URL').optional(),
});
export const ZUpdateProjectRequest = ZCreateProjectRequest.omit({ orgId: true }).partial();

export const ZProject = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  descriptionHtml: z.string(),
  category: z.string(),
  coverImageUrl: z.string().nullable(),
  ownerId: z.string(),
  orgId: z.string().nullable(),
  hidden: z.boolean(),
  followers: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  viewer: z.object({ isHost: z.boolean() }).passthrough(),
});

export async function projectsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];

  r.post('/projects', { schema: { tags, summary: 'Open a project', body: ZCreateProjectRequest, response: { 201: ZProject, ...errorResponses } } }, async (request, reply) => {
    const actor = requireActor(request);
    const p = await createProject(ctx, actor, request.body);
    return reply.status(201).send(await presentProject(ctx, p, actor));
  });

  r.get('/projects/:id', { schema: { tags, summary: 'A project by id or slug', params: ZIdParams, response: { 200: ZProject, ...errorResponses } } }, async (request) =>
    presentProject(ctx, await findProject(ctx.db, request.params.id, request.actor), request.actor),
  );

  r.patch('/projects/:id', { schema: { tags, summary: 'Edit a project (hosts)', params: ZIdParams, body: ZUpdateProjectRequest, response: { 200: ZProject, ...errorResponses } } }, async (request) => {
    const actor = requireActor(request);
    return presentProject(ctx, await updateProject(ctx, actor, request.params.id, request.body), actor);
  });
}
