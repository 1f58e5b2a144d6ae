import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { ZIdParams, ZPageQuery, errorResponses, paged } from '../../http/schemas.js';
import { editUpdate, getUpdate, listUpdates, postUpdate } from './updates.js';

export const ZCreateUpdateRequest = z.object({
  title: z.string().trim().min(1, 'is required').max(200),
  body: z.string().trim().min(1, 'is required').max(50_000).describe('Markdown'),
});
export const ZEditUpdateRequest = ZCreateUpdateRequest.partial();
export const ZUpdate = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  body: z.string(),
  bodyHtml: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  comments: z.number().int().describe('comments on it: GET /comments?subject=update:{id}'),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});

/** Project updates: announcements to followers. */
export async function updateRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];
  const onId = idRouteSchema('community');

  r.post(
    '/projects/:id/updates',
    onId({
      summary: 'Post an update to the followers (hosts)',
      body: ZCreateUpdateRequest,
      response: { 201: ZUpdate },
    }),
    async (request, reply) => reply.status(201).send(await postUpdate(ctx, requireActor(request), request.params.id, request.body)),
  );

  r.get(
    '/projects/:id/updates',
    onId({
      summary: "A project's updates, newest first",
      querystring: ZPageQuery,
      response: { 200: paged(ZUpdate) },
    }),
    async (request) => listUpdates(ctx, request.actor, request.params.id, request.query),
  );

  r.get(
    '/updates/:id',
    { schema: { tags, summary: 'One update', params: ZIdParams, response: { 200: ZUpdate, ...errorResponses } } },
    async (request) => getUpdate(ctx, request.actor, request.params.id),
  );

  r.patch(
    '/updates/:id',
    onId({
      summary: 'Edit an update (hosts; followers are not told again)',
      body: ZEditUpdateRequest,
      response: { 200: ZUpdate },
    }),
    async (request) => editUpdate(ctx, requireActor(request), request.params.id, request.body),
  );
}
