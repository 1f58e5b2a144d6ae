import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { ZPageQuery, errorResponses } from '../../http/schemas.js';
import { listNotifications, markRead } from './service.js';

const ZNotification = z.object({
  id: z.string(),
  kind: z.string(),
  subject: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export async function notificationsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];
  r.get(
    '/notifications',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'My notifications, newest first',
        querystring: ZPageQuery,
        response: {
          200: z.object({ items: z.array(ZNotification), nextCursor: z.string().nullable(), unread: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const page = await listNotifications(ctx.db, requireActor(request).userId, request.query.limit, request.query.cursor);
      return {
        ...page,
        items: page.items.map((n) => ({ ...n, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })),
      };
    },
  );
  r.post(
    '/notifications/read',
    {
      schema: {
        tags,
        summary: 'Mark notifications read (all of them without ids)',
        body: z.object({ ids: z.array(z.string().max(100)).max(500).optional() }).default({}),
        response: { 200: z.object({ marked: z.number() }), ...errorResponses },
      },
    },
    async (request) => ({ marked: await markRead(ctx.db, requireActor(request).userId, request.body.ids, ctx.clock.now()) }),
  );
}
