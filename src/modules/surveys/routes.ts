import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';

export async function surveysRoutes(app: FastifyInstance, ctx: AppContext) {
  void app;
  void ctx;
}
