import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { paged } from '../../http/schemas.js';
import { myAssignments, myEarnings, reviewQueue } from './history.js';
import { batchResults, batchWorkers, exportResults } from './results.js';
import { answers, onId, PERSON_ONLY, tasksRoute } from './route-schema.js';
import {
  ZBatchListQuery,
  ZBatchResults,
  ZBatchWorkers,
  ZMethodQuery,
  ZMyAssignment,
  ZResultsQuery,
  ZReviewQueueItem,
  ZReviewQueueQuery,
  ZTaskEarnings,
} from './schemas.js';

/** Results, exports, workers and the review queue (hosts); a worker's own history and earnings. */
export async function taskResultRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/task-batches/:id/results',
    {
      config: PERSON_ONLY,
      schema: onId('Aggregated answers per item (hosts)', {
        description:
          'method: mv (majority vote), wmv (weighted majority vote), ds (Dawid–Skene, the default for labels), glad, mme (minimax ' +
          'entropy); for numbers mean, median, robust (the default). Texts: mv or wmv. Items in upload order, a page at a time.',
        querystring: ZResultsQuery,
        response: answers(200, ZBatchResults),
      }),
    },
    async (request) => batchResults(ctx, requireActor(request), request.params.id, request.query),
  );

  r.get(
    '/task-batches/:id/results.csv',
    {
      config: PERSON_ONLY,
      schema: onId('All results as CSV: externalId,answer,confidence,answers (hosts)', { querystring: ZMethodQuery }),
    },
    async (request, reply) => {
      const out = await exportResults(ctx, requireActor(request), request.params.id, request.query.method, 'csv');
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${out.filename}"`).send(out.csv);
    },
  );

  r.get(
    '/task-batches/:id/results.json',
    { config: PERSON_ONLY, schema: onId('All results as JSON (hosts)', { querystring: ZMethodQuery }) },
    async (request, reply) => {
      const out = await exportResults(ctx, requireActor(request), request.params.id, request.query.method, 'json');
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(out.json));
    },
  );

  r.get(
    '/task-batches/:id/workers',
    {
      config: PERSON_ONLY,
      schema: onId('Per worker: answers, gold accuracy, estimated quality (confusion matrix with ds), reviews, earnings (hosts)', {
        querystring: ZMethodQuery,
        response: answers(200, ZBatchWorkers),
      }),
    },
    async (request) => batchWorkers(ctx, requireActor(request), request.params.id, request.query.method),
  );

  r.get(
    '/task-batches/:id/submissions',
    {
      config: PERSON_ONLY,
      schema: onId('Submitted answers to review (hosts), oldest first', {
        querystring: ZReviewQueueQuery,
        response: answers(200, paged(ZReviewQueueItem)),
      }),
    },
    async (request) => reviewQueue(ctx, requireActor(request), request.params.id, request.query),
  );

  r.get(
    '/me/assignments',
    {
      config: PERSON_ONLY,
      schema: tasksRoute('My task history, newest first, with what each answer paid', {
        querystring: ZBatchListQuery,
        response: answers(200, paged(ZMyAssignment)),
      }),
    },
    async (request) => myAssignments(ctx, requireActor(request), request.query),
  );

  r.get(
    '/me/task-earnings',
    {
      config: PERSON_ONLY,
      schema: tasksRoute('My earnings from tasks: balance per currency, rewards awaiting review, bonuses, answer counts', {
        response: answers(200, ZTaskEarnings),
      }),
    },
    async (request) => myEarnings(ctx, requireActor(request)),
  );
}
