import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { auditContext } from '../audit/record-audit.js';
import { importAnswers } from './import-answers.js';
import { ZBonusRequest, payBonus } from './pay-bonus.js';
import { ZReviewRequest, reviewAssignment } from './review.js';
import { answers, MONEY, onId } from './route-schema.js';
import { ZBonusAnswer, ZImportAnswer, ZLease, ZReviewAnswer, ZSubmitAnswer } from './schemas.js';
import { ZSubmitRequest, skipAssignment, submitAnswer } from './submit.js';
import { leaseNext } from './take-lease.js';
import { csvUploadBody } from './upload-body.js';

/** Answers: lease, submit and skip (workers); import, review and bonuses (hosts). */
export async function taskAnswerRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/task-batches/:id/assignments',
    {
      schema: onId('Lease the next item to work on (any signed-in worker); 204 when none is left for you', {
        description:
          'The lease lasts the batch leaseSeconds; a worker holding an open lease gets it back. 403 not_qualified once ' +
          'your accuracy on gold items is below the batch threshold.',
        response: { ...answers(201, ZLease), 204: z.null() },
      }),
    },
    async (request, reply) => {
      const lease = await leaseNext(ctx, requireActor(request), request.params.id);
      return lease ? reply.status(201).send(lease) : reply.status(204).send(null);
    },
  );

  r.post(
    '/assignments/:id/submit',
    {
      schema: onId('Answer a leased item; a gold item answers with {gold: {correct, expected}}', {
        body: ZSubmitRequest,
        response: answers(200, ZSubmitAnswer),
      }),
    },
    async (request) => submitAnswer(ctx, requireActor(request), request.params.id, request.body.answer),
  );

  r.post(
    '/assignments/:id/skip',
    { schema: onId('Give a leased item back without answering', { response: answers(200, ZSubmitAnswer) }) },
    async (request) => skipAssignment(ctx, requireActor(request), request.params.id),
  );

  r.post(
    '/task-batches/:id/imported-answers',
    {
      schema: onId('Import answers collected elsewhere (hosts): text/csv with columns item,worker,answer', {
        description:
          '`item` is the item externalId, `worker` any id of the worker elsewhere (kept apart from accounts), `answer` as in ' +
          'a CSV upload (labels joined by |). Any bad row answers 400 with details [{line, field, message}] and nothing is imported.',
        response: answers(201, ZImportAnswer),
      }),
    },
    async (request, reply) =>
      reply.status(201).send(await importAnswers(ctx, requireActor(request), request.params.id, csvUploadBody(request))),
  );

  r.post(
    '/assignments/:id/review',
    {
      schema: onId('Approve or reject a submitted answer (hosts); approval pays the reward through the ledger', {
        description:
          'A rejection needs a reason, which the worker sees. Unreviewed answers are approved automatically after the batch autoApproveHours.',
        body: ZReviewRequest,
        response: answers(200, ZReviewAnswer),
      }),
      config: MONEY,
    },
    async (request) => reviewAssignment(ctx, requireActor(request), request.params.id, request.body, auditContext(request)),
  );

  r.post(
    '/task-batches/:id/bonuses',
    {
      schema: onId('Pay a worker of the batch a bonus (hosts), in the batch currency', {
        description:
          'Funded by the host when given: one ledger transaction from the host funding to the worker balance (no card in this version).',
        body: ZBonusRequest,
        response: answers(201, ZBonusAnswer),
      }),
      config: MONEY,
    },
    async (request, reply) =>
      reply.status(201).send(await payBonus(ctx, requireActor(request), request.params.id, request.body, auditContext(request))),
  );
}
