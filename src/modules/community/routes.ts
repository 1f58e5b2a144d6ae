import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { audienceRoutes } from './routes-audience.js';
import { commentRoutes } from './routes-comments.js';
import { moderationRoutes } from './routes-moderation.js';
import { updateRoutes } from './routes-updates.js';

/** Community: follows, launch sign-ups, comments, project updates, the activity feed and moderation. */
export async function communityRoutes(app: FastifyInstance, ctx: AppContext) {
  await audienceRoutes(app, ctx);
  await commentRoutes(app, ctx);
  await updateRoutes(app, ctx);
  await moderationRoutes(app, ctx);
}
