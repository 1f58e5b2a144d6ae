import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { taskAnswerRoutes } from './routes-answers.js';
import { taskBatchRoutes } from './routes-batches.js';
import { taskResultRoutes } from './routes-results.js';

/** The micro-tasks API, registered in this order (it is the order of the OpenAPI document). */
export async function tasksRoutes(app: FastifyInstance, ctx: AppContext) {
  await taskBatchRoutes(app, ctx);
  await taskAnswerRoutes(app, ctx);
  await taskResultRoutes(app, ctx);
}
