import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { ZIdParams, errorResponses, paged } from '../../http/schemas.js';
import { myAssignments, myEarnings, reviewQueue } from './history.js';
import { batchResults, batchWorkers, exportResults } from './results.js';
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
  const tags = ['tasks'];

  r.get(
    '/task-batches/:id/results',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'Aggregated answers per item (hosts)',
        description:
          'method: mv (majority vote), wmv (weighted majority vote), ds (Dawid–Skene, the default for labels), glad, mme (minimax ' +
          'entropy); for numbers mean, median, robust (the default). Texts: mv or wmv. Items in upload order, a page at a time.',
        params: ZIdParams,
        querystring: ZResultsQuery,
        response: { 200: ZBatchResults, ...errorResponses },
      },
    },
    async (request) => batchResults(ctx, requireActor(request), request.params.id, request.query),
  );

  r.get(
    '/task-batches/:id/results.csv',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'All results as CSV: externalId,answer,confidence,answers (hosts)',
        params: ZIdParams,
        querystring: ZMethodQuery,
      },
    },
    async (request, reply) => {
      const out = await exportResults(ctx, requireActor(request), request.params.id, request.query.method, 'csv');
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${out.filename}"`).send(out.csv);
    },
  );

  r.get(
    '/task-batches/:id/results.json',
    { config: { auth: 'person' }, schema: { tags, summary: 'All results as JSON (hosts)', params: ZIdParams, querystring: ZMethodQuery } },
    async (request, reply) => {
      const out = await exportResults(ctx, requireActor(request), request.params.id, request.query.method, 'json');
      return reply.type('application/json; charset=utf-8').send(JSON.stringify(out.json));
    },
  );

  r.get(
    '/task-batches/:id/workers',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'Per worker: answers, gold accuracy, estimated quality (confusion matrix with ds), reviews, earnings (hosts)',
        params: ZIdParams,
        querystring: ZMethodQuery,
        response: { 200: ZBatchWorkers, ...errorResponses },
      },
    },
    async (request) => batchWorkers(ctx, requireActor(request), request.params.id, request.query.method),
  );

  r.get(
    '/task-batches/:id/submissions',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'Submitted answers to review (hosts), oldest first',
        params: ZIdParams,
        querystring: ZReviewQueueQuery,
        response: { 200: paged(ZReviewQueueItem), ...errorResponses },
      },
    },
    async (request) => reviewQueue(ctx, requireActor(request), request.params.id, request.query),
  );

  r.get(
    '/me/assignments',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'My task history, newest first, with what each answer paid',
        querystring: ZBatchListQuery,
        response: { 200: paged(ZMyAssignment), ...errorResponses },
      },
    },
    async (request) => myAssignments(ctx, requireActor(request), request.query),
  );

  r.get(
    '/me/task-earnings',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'My earnings from tasks: balance per currency, rewards awaiting review, bonuses, answer counts',
        response: { 200: ZTaskEarnings, ...errorResponses },
      },
    },
    async (request) => myEarnings(ctx, requireActor(request)),
  );
}
