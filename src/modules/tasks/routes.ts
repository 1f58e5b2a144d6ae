import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { badRequest } from '../../http/errors.js';
import { RATE_LIMITS } from '../../http/rate-limit.js';
import { ZIdParams, errorResponses, paged } from '../../http/schemas.js';
import { viewBatch } from './access.js';
import { closeBatch, pauseBatch, publishBatch } from './batch-status.js';
import { createBatch, listBatches, presentBatch } from './create-batch.js';
import { leaseNext } from './lease.js';
import {
  ZBatch,
  ZBatchListQuery,
  ZBonusAnswer,
  ZBonusRequest,
  ZCreateBatchRequest,
  ZImportAnswer,
  ZLease,
  ZMyAssignment,
  ZReviewAnswer,
  ZReviewQueueItem,
  ZReviewRequest,
  ZSubmitAnswer,
  ZSubmitRequest,
  ZUploadAnswer,
} from './schemas.js';
import { importAnswers } from './import-answers.js';
import { myAssignments, myEarnings, reviewQueue } from './history.js';
import { batchResults, batchWorkers, exportResults } from './results.js';
import { payBonus, reviewAssignment } from './review.js';
import { skipAssignment, submitAnswer } from './submit.js';
import { uploadItems } from './upload-items.js';
import { auditContext } from '../audit/record-audit.js';

const UPLOAD_TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl'];

/** The body of an upload route as text, with its content type; anything else is a 415-like 400. */
function uploadBody(request: { headers: Record<string, unknown>; body: unknown }): { body: string; type: string } {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (!UPLOAD_TYPES.some((t) => type.startsWith(t)) || typeof request.body !== 'string') {
    throw badRequest('unsupported_content_type', 'Send text/csv or application/x-ndjson.', [{ field: 'header.content-type', message: 'must be text/csv or application/x-ndjson' }]);
  }
  return { body: request.body, type };
}

export async function tasksRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tasks'];

  const show = async (request: { actor: import('../../http/auth.js').Actor | null }, id: string) => {
    const { batch, isHost } = await viewBatch(ctx.db, id, request.actor);
    return presentBatch(batch, isHost);
  };

  r.post('/projects/:id/task-batches', {
    schema: {
      tags,
      summary: 'Create a draft batch of micro-tasks (hosts)',
      description:
        'answer.kind: label (one of labels), labels (several), number, text. Give `overlap` (answers per item) or ' +
        '`dynamic` {minOverlap, maxOverlap, confidence}. `reward` is paid per approved answer through the ledger; ' +
        'publishing funds reward × max answers per item × items.',
      params: ZIdParams,
      body: ZCreateBatchRequest,
      response: { 201: ZBatch, ...errorResponses },
    },
  }, async (request, reply) => {
    const batch = await createBatch(ctx, requireActor(request), request.params.id, request.body);
    return reply.status(201).send(presentBatch(batch, true));
  });

  r.get('/projects/:id/task-batches', {
    schema: { tags, summary: "A project's batches, newest first (drafts for hosts only)", params: ZIdParams, querystring: ZBatchListQuery, response: { 200: paged(ZBatch), ...errorResponses } },
  }, async (request) => listBatches(ctx, request.params.id, request.actor, request.query));

  r.get('/task-batches/:id', {
    schema: { tags, summary: 'A batch (drafts for hosts only)', params: ZIdParams, response: { 200: ZBatch, ...errorResponses } },
  }, async (request) => show(request, request.params.id));

  r.post('/task-batches/:id/items', {
    schema: {
      tags,
      summary: 'Upload items to a draft batch (hosts): text/csv or application/x-ndjson',
      description:
        'CSV: the first line names the columns. JSON Lines: one object a line. `externalId` is your id for the item, ' +
        '`gold` its known answer (a control item); every other field is the item data shown to workers. All rows are ' +
        'checked first: any bad row answers 400 with details [{line, field, message}] (the first 50) and nothing is inserted.',
      params: ZIdParams,
      response: { 201: ZUploadAnswer, ...errorResponses },
    },
  }, async (request, reply) => {
    const { body, type } = uploadBody(request);
    return reply.status(201).send(await uploadItems(ctx, requireActor(request), request.params.id, body, type));
  });

  r.post('/task-batches/:id/publish', {
    schema: { tags, summary: 'Open the batch to workers (hosts); the first publication funds a rewarded batch', params: ZIdParams, response: { 200: ZBatch, ...errorResponses } },
    config: { idempotent: true, rateLimit: RATE_LIMITS.money },
  }, async (request) => {
    await publishBatch(ctx, requireActor(request), request.params.id, auditContext(request));
    return show(request, request.params.id);
  });

  r.post('/task-batches/:id/pause', {
    schema: { tags, summary: 'Stop new leases (hosts); publish again to resume', params: ZIdParams, response: { 200: ZBatch, ...errorResponses } },
  }, async (request) => {
    await pauseBatch(ctx, requireActor(request), request.params.id, auditContext(request));
    return show(request, request.params.id);
  });

  r.post('/task-batches/:id/close', {
    schema: {
      tags,
      summary: 'Close the batch for good (hosts): the unspent budget returns to the host balance',
      params: ZIdParams,
      response: { 200: ZBatch.extend({ returned: z.number() }), ...errorResponses },
    },
    config: { idempotent: true, rateLimit: RATE_LIMITS.money },
  }, async (request) => {
    const { returned } = await closeBatch(ctx, requireActor(request), request.params.id, auditContext(request));
    return { ...(await show(request, request.params.id)), returned };
  });

  r.post('/task-batches/:id/assignments', {
    schema: {
      tags,
      summary: 'Lease the next item to work on (any signed-in worker); 204 when none is left for you',
      description:
        'The lease lasts the batch leaseSeconds; a worker holding an open lease gets it back. 403 not_qualified once ' +
        'your accuracy on gold items is below the batch threshold.',
      params: ZIdParams,
      response: { 201: ZLease, 204: z.null(), ...errorResponses },
    },
  }, async (request, reply) => {
    const lease = await leaseNext(ctx, requireActor(request), request.params.id);
    return lease ? reply.status(201).send(lease) : reply.status(204).send(null);
  });

  r.post('/assignments/:id/submit', {
    schema: { tags, summary: 'Answer a leased item; a gold item answers with {gold: {correct, expected}}', params: ZIdParams, body: ZSubmitRequest, response: { 200: ZSubmitAnswer, ...errorResponses } },
  }, async (request) => submitAnswer(ctx, requireActor(request), request.params.id, request.body.answer));

  r.post('/assignments/:id/skip', {
    schema: { tags, summary: 'Give a leased item back without answering', params: ZIdParams, response: { 200: ZSubmitAnswer, ...errorResponses } },
  }, async (request) => skipAssignment(ctx, requireActor(request), request.params.id));

  r.post('/task-batches/:id/imported-answers', {
    schema: {
      tags,
      summary: 'Import answers collected elsewhere (hosts): text/csv with columns item,worker,answer',
      description:
        '`item` is the item externalId, `worker` any id of the worker elsewhere (kept apart from accounts), `answer` as in ' +
        'a CSV upload (labels joined by |). Any bad row answers 400 with details [{line, field, message}] and nothing is imported.',
      params: ZIdParams,
      response: { 201: ZImportAnswer, ...errorResponses },
    },
  }, async (request, reply) => {
    const { body, type } = uploadBody(request);
    if (!type.startsWith('text/csv')) throw badRequest('unsupported_content_type', 'Send text/csv with columns item,worker,answer.', [{ field: 'header.content-type', message: 'must be text/csv' }]);
    return reply.status(201).send(await importAnswers(ctx, requireActor(request), request.params.id, body));
  });

  r.post('/assignments/:id/review', {
    schema: {
      tags,
      summary: 'Approve or reject a submitted answer (hosts); approval pays the reward through the ledger',
      description: 'A rejection needs a reason, which the worker sees. Unreviewed answers are approved automatically after the batch autoApproveHours.',
      params: ZIdParams,
      body: ZReviewRequest,
      response: { 200: ZReviewAnswer, ...errorResponses },
    },
    config: { idempotent: true, rateLimit: RATE_LIMITS.money },
  }, async (request) => reviewAssignment(ctx, requireActor(request), request.params.id, request.body, auditContext(request)));

  r.post('/task-batches/:id/bonuses', {
    schema: {
      tags,
      summary: 'Pay a worker of the batch a bonus (hosts), in the batch currency',
      description: 'Funded by the host when given: one ledger transaction from the host funding to the worker balance (no card in this version).',
      params: ZIdParams,
      body: ZBonusRequest,
      response: { 201: ZBonusAnswer, ...errorResponses },
    },
    config: { idempotent: true, rateLimit: RATE_LIMITS.money },
  }, async (request, reply) => reply.status(201).send(await payBonus(ctx, requireActor(request), request.params.id, request.body, auditContext(request))));

  const ZMethodQuery = z.object({ method: z.enum(['mv', 'wmv', 'ds', 'glad', 'mme', 'mean', 'median', 'robust']).optional() });
  const ZResultItem = z.object({
    itemId: z.string(),
    externalId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    answer: z.unknown(),
    confidence: z.number().nullable(),
    stdError: z.number().nullable(),
    answers: z.number().describe('How many answers the item has.'),
    answersCount: z.number().describe('Same as answers (kept for older clients).'),
    gold: z.boolean(),
    votes: z.array(z.object({ workerId: z.string(), answer: z.unknown() })).describe('The answers behind the result: worker id (or imported worker ref) and answer.'),
  });

  r.get('/task-batches/:id/results', { config: { auth: 'person' },
    schema: {
      tags,
      summary: 'Aggregated answers per item (hosts)',
      description:
        'method: mv (majority vote), wmv (weighted majority vote), ds (Dawid–Skene, the default for labels), glad, mme (minimax ' +
        'entropy); for numbers mean, median, robust (the default). Texts: mv or wmv. Items in upload order, a page at a time.',
      params: ZIdParams,
      querystring: ZMethodQuery.extend({ limit: z.coerce.number().int().min(1).max(500).default(50), cursor: z.string().max(20).optional() }),
      response: {
        200: z.object({
          method: z.string(),
          methods: z.array(z.string()),
          answerKind: z.string(),
          totalItems: z.number(),
          answeredItems: z.number(),
          items: z.array(ZResultItem),
          nextCursor: z.string().nullable(),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => batchResults(ctx, requireActor(request), request.params.id, request.query));

  r.get('/task-batches/:id/results.csv', { config: { auth: 'person' },
    schema: { tags, summary: 'All results as CSV: externalId,answer,confidence,answers (hosts)', params: ZIdParams, querystring: ZMethodQuery },
  }, async (request, reply) => {
    const out = await exportResults(ctx, requireActor(request), request.params.id, request.query.method, 'csv');
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${out.filename}"`).send(out.csv);
  });

  r.get('/task-batches/:id/results.json', { config: { auth: 'person' },
    schema: { tags, summary: 'All results as JSON (hosts)', params: ZIdParams, querystring: ZMethodQuery },
  }, async (request, reply) => {
    const out = await exportResults(ctx, requireActor(request), request.params.id, request.query.method, 'json');
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(out.json));
  });

  r.get('/task-batches/:id/workers', { config: { auth: 'person' },
    schema: {
      tags,
      summary: 'Per worker: answers, gold accuracy, estimated quality (confusion matrix with ds), reviews, earnings (hosts)',
      params: ZIdParams,
      querystring: ZMethodQuery,
      response: {
        200: z.object({
          method: z.string(),
          labels: z.array(z.string()),
          items: z.array(
            z.object({
              workerId: z.string(),
              name: z.string().nullable(),
              imported: z.boolean(),
              answers: z.number(),
              goldAnswers: z.number(),
              goldAccuracy: z.number().nullable(),
              quality: z.number().nullable(),
              confusion: z.array(z.array(z.number())).nullable(),
              approved: z.number(),
              rejected: z.number(),
              pending: z.number(),
              earnings: z.object({ amount: z.number(), currency: z.string() }).nullable(),
            }),
          ),
        }),
        ...errorResponses,
      },
    },
  }, async (request) => batchWorkers(ctx, requireActor(request), request.params.id, request.query.method));

  r.get('/task-batches/:id/submissions', { config: { auth: 'person' },
    schema: {
      tags,
      summary: 'Submitted answers to review (hosts), oldest first',
      params: ZIdParams,
      querystring: z.object({
        review: z.enum(['pending', 'approved', 'rejected']).default('pending'),
        limit: z.coerce.number().int().min(1).max(100).default(20),
        cursor: z.string().max(500).optional(),
      }),
      response: { 200: paged(ZReviewQueueItem), ...errorResponses },
    },
  }, async (request) => reviewQueue(ctx, requireActor(request), request.params.id, request.query));

  r.get('/me/assignments', { config: { auth: 'person' },
    schema: { tags, summary: 'My task history, newest first, with what each answer paid', querystring: ZBatchListQuery, response: { 200: paged(ZMyAssignment), ...errorResponses } },
  }, async (request) => myAssignments(ctx, requireActor(request), request.query));

  const ZAmounts = z.array(z.object({ amount: z.number(), currency: z.string() }));
  r.get('/me/task-earnings', { config: { auth: 'person' },
    schema: {
      tags,
      summary: 'My earnings from tasks: balance per currency, rewards awaiting review, bonuses, answer counts',
      response: { 200: z.object({ balances: ZAmounts, pending: ZAmounts, bonuses: ZAmounts, answers: z.object({ submitted: z.number(), approved: z.number(), rejected: z.number() }) }), ...errorResponses },
    },
  }, async (request) => myEarnings(ctx, requireActor(request)));
}
