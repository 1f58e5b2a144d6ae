import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';

export async function communityRoutes(app: FastifyInstance, ctx: AppContext) {
  void app;
  void ctx;
}
