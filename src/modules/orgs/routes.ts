import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';

export async function orgsRoutes(app: FastifyInstance, ctx: AppContext) {
  void app;
  void ctx;
}
