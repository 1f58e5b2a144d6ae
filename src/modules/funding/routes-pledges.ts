import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { idempotencyKeyOf, sendAnswer } from '../../http/idempotency.js';
import { RATE_LIMITS } from '../../http/rate-limit.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { ZErrorBody, ZIdParams, ZPageQuery, errorResponses, paged } from '../../http/schemas.js';
import { cancelPledge } from './cancel-pledge.js';
import { createPledge } from './create-pledge.js';
import { fixPledge } from './fix-pledge.js';
import { auditContext } from '../audit/record-audit.js';
import { backersCsv, campaignPledges, campaignStats, myPledges } from './host-views.js';
import { presentPledge } from './pledge-queries.js';
import { ZCreatePledgeRequest, ZFixPledgeRequest, ZPledge, ZUpdatePledgeRequest } from './schemas.js';
import { ownPledge, updatePledge } from './update-pledge.js';

const PLEDGE_STATUSES = [
  'collecting',
  'pending',
  'charging',
  'collected',
  'errored',
  'dropped',
  'voided',
  'cancelled',
  'refunded',
] as const;

const ZMyPledge = ZPledge.extend({
  tierTitle: z.string().nullable(),
  campaign: z.object({ id: z.string(), title: z.string(), status: z.string(), deadline: z.string() }),
  project: z.object({ id: z.string(), slug: z.string(), title: z.string() }),
});
const ZHostPledge = ZPledge.extend({
  backer: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  tierTitle: z.string().nullable(),
});

export async function fundingPledgeRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['funding'];
  const onId = idRouteSchema('funding');

  r.post(
    '/campaigns/:id/pledges',
    {
      ...onId({
        summary: 'Back a campaign',
        description:
          'One pledge a backer a campaign (donations excepted). All-or-nothing: the card is verified and saved, the pledge is `pending` and charged only if the campaign succeeds. ' +
          'Keep-it-all and donation: charged at once (`collected`). A declined card is a 402 and leaves nothing behind. Honours `Idempotency-Key` (kept on the pledge itself): ' +
          'a repeat returns the first answer, errors included; the same key with another body is a 409.',
        body: ZCreatePledgeRequest,
        response: { 201: ZPledge, 402: ZErrorBody },
      }),
      // The key is kept on the pledge, by the statement that writes it (see create-pledge.ts): no claim before it.
      config: { idempotent: 'in-write', rateLimit: RATE_LIMITS.money },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      return sendAnswer(reply, await createPledge(ctx, actor, request.params.id, request.body, idempotencyKeyOf(request)));
    },
  );

  r.get(
    '/campaigns/:id/pledges',
    {
      config: { auth: 'person' },
      ...onId({
        summary: 'A campaign’s pledges with their backers (hosts)',
        querystring: ZPageQuery.extend({ status: z.enum(PLEDGE_STATUSES).optional() }),
        response: { 200: paged(ZHostPledge) },
      }),
    },
    async (request) => campaignPledges(ctx, requireActor(request), request.params.id, request.query),
  );

  r.get(
    '/campaigns/:id/backers.csv',
    {
      config: { auth: 'person' },
      schema: { tags, summary: 'Backers, tiers and shipping countries as CSV (hosts)', params: ZIdParams, produces: ['text/csv'] },
    },
    async (request, reply) => {
      const stream = await backersCsv(ctx, requireActor(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="backers-${request.params.id}.csv"`)
        .send(stream);
    },
  );

  r.get(
    '/campaigns/:id/stats',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'Money pledged per day with running totals, and pledges per status (hosts)',
        params: ZIdParams,
        response: {
          200: z.object({
            campaignId: z.string(),
            currency: z.string(),
            goal: z.number(),
            days: z.array(z.object({ date: z.string(), amount: z.number(), pledges: z.number(), cumulative: z.number() })),
            byStatus: z.record(z.string(), z.object({ pledges: z.number(), amount: z.number() })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => campaignStats(ctx, requireActor(request), request.params.id),
  );

  r.get(
    '/me/pledges',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'My pledges, newest first',
        querystring: ZPageQuery,
        response: { 200: paged(ZMyPledge), ...errorResponses },
      },
    },
    async (request) => myPledges(ctx, requireActor(request), request.query),
  );

  r.get(
    '/pledges/:id',
    {
      config: { auth: 'person' },
      schema: { tags, summary: 'One of my pledges', params: ZIdParams, response: { 200: ZPledge, ...errorResponses } },
    },
    async (request) => presentPledge(await ownPledge(ctx.db, requireActor(request), request.params.id)),
  );

  r.patch(
    '/pledges/:id',
    onId({
      summary: 'Change my pledge before the deadline (amount, tier, shipping country)',
      body: ZUpdatePledgeRequest,
      response: { 200: ZPledge },
    }),
    async (request) => updatePledge(ctx, requireActor(request), request.params.id, request.body),
  );

  r.delete(
    '/pledges/:id',
    {
      ...onId({
        summary: 'Cancel my pledge before the deadline (a charged one is refunded)',
        response: { 200: ZPledge },
      }),
      config: { rateLimit: RATE_LIMITS.money },
    },
    async (request) => cancelPledge(ctx, requireActor(request), request.params.id),
  );

  r.post(
    '/pledges/:id/fix',
    {
      ...onId({
        summary: 'Fix my errored pledge with another card, within 7 days',
        body: ZFixPledgeRequest,
        response: { 200: ZPledge, 402: ZErrorBody },
      }),
      config: { idempotent: true, rateLimit: RATE_LIMITS.money },
    },
    async (request) => fixPledge(ctx, requireActor(request), request.params.id, request.body.payment, auditContext(request)),
  );
}
