import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';

export async function tasksRoutes(app: FastifyInstance, ctx: AppContext) {
  void app;
  void ctx;
}
