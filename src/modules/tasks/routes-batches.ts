import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { paged } from '../../http/schemas.js';
import { auditContext } from '../audit/record-audit.js';
import { closeBatch, pauseBatch, publishBatch } from './batch-status.js';
import { listBatches, showBatch } from './batches.js';
import { ZCreateBatchRequest, createBatch } from './create-batch.js';
import { answers, MONEY, onId } from './route-schema.js';
import { ZBatch, ZBatchListQuery, ZClosedBatch, ZUploadAnswer } from './schemas.js';
import { uploadBody } from './upload-body.js';
import { uploadItems } from './upload-items.js';

/** Batches: create, list, read, upload items, publish, pause, close (hosts; reads for everyone who may see them). */
export async function taskBatchRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/projects/:id/task-batches',
    {
      schema: onId('Create a draft batch of micro-tasks (hosts)', {
        description:
          'answer.kind: label (one of labels), labels (several), number, text. Give `overlap` (answers per item) or ' +
          '`dynamic` {minOverlap, maxOverlap, confidence}. `reward` is paid per approved answer through the ledger; ' +
          'publishing funds reward × max answers per item × items.',
        body: ZCreateBatchRequest,
        response: answers(201, ZBatch),
      }),
    },
    async (request, reply) => reply.status(201).send(await createBatch(ctx, requireActor(request), request.params.id, request.body)),
  );

  r.get(
    '/projects/:id/task-batches',
    {
      schema: onId("A project's batches, newest first (drafts for hosts only)", {
        querystring: ZBatchListQuery,
        response: answers(200, paged(ZBatch)),
      }),
    },
    async (request) => listBatches(ctx, request.params.id, request.actor, request.query),
  );

  r.get('/task-batches/:id', { schema: onId('A batch (drafts for hosts only)', { response: answers(200, ZBatch) }) }, async (request) =>
    showBatch(ctx, request.params.id, request.actor),
  );

  r.post(
    '/task-batches/:id/items',
    {
      schema: onId('Upload items to a draft batch (hosts): text/csv or application/x-ndjson', {
        description:
          'CSV: the first line names the columns. JSON Lines: one object a line. `externalId` is your id for the item, ' +
          '`gold` its known answer (a control item); every other field is the item data shown to workers. All rows are ' +
          'checked first: any bad row answers 400 with details [{line, field, message}] (the first 50) and nothing is inserted.',
        response: answers(201, ZUploadAnswer),
      }),
    },
    async (request, reply) => reply.status(201).send(await uploadItems(ctx, requireActor(request), request.params.id, uploadBody(request))),
  );

  r.post(
    '/task-batches/:id/publish',
    {
      schema: onId('Open the batch to workers (hosts); the first publication funds a rewarded batch', { response: answers(200, ZBatch) }),
      config: MONEY,
    },
    async (request) => publishBatch(ctx, requireActor(request), request.params.id, auditContext(request)),
  );

  r.post(
    '/task-batches/:id/pause',
    { schema: onId('Stop new leases (hosts); publish again to resume', { response: answers(200, ZBatch) }) },
    async (request) => pauseBatch(ctx, requireActor(request), request.params.id, auditContext(request)),
  );

  r.post(
    '/task-batches/:id/close',
    {
      schema: onId('Close the batch for good (hosts): the unspent budget returns to the host balance', {
        response: answers(200, ZClosedBatch),
      }),
      config: MONEY,
    },
    async (request) => closeBatch(ctx, requireActor(request), request.params.id, auditContext(request)),
  );
}
