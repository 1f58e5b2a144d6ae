// NOTE TO ENGINEERS: this module (schema 0030–0039, API, leasing, review and pay, imports, results endpoints,
// bench/assignments.ts, web/src/domains/tasks, test/e2e/tasks.e2e.test.ts) is being built right now by a second
// engineer, in commits that start with "Tasks:". The aggregation library (src/lib/aggregation/, bench/aggregation.ts)
// is separate work: results endpoints call it. Do not rewrite this module's files; coordinate through git log.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';

export async function tasksRoutes(app: FastifyInstance, ctx: AppContext) {
  void app;
  void ctx;
}
