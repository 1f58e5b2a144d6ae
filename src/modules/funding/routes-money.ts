import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor, requireOperator } from '../../http/auth.js';
import { RATE_LIMITS } from '../../http/rate-limit.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { ZPageQuery, errorResponses } from '../../http/schemas.js';
import { forgetCampaignTerms } from './campaign-terms.js';
import { campaignLedger } from './ledger-view.js';
import { balanceOwner, hostBalance } from './host-balance.js';
import { createPayout } from './payouts.js';
import { refundPledge } from './refund-pledge.js';
import { ZMoneyOut, ZPayoutRequest, ZRefundRequest, ZSettleRequest } from './schemas.js';
import { settleCampaign } from './settle-campaign.js';
import { auditContext } from '../audit/record-audit.js';

const ZRefund = z.object({
  id: z.string(),
  pledgeId: z.string(),
  campaignId: z.string(),
  amount: ZMoneyOut,
  platformFeeReturned: z.number(),
  source: z.enum(['escrow', 'host']),
  status: z.enum(['processing', 'succeeded', 'failed']),
  reason: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
const ZPayout = z.object({
  id: z.string(),
  owner: z.string(),
  amount: ZMoneyOut,
  status: z.enum(['processing', 'paid', 'failed']),
  failureMessage: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
});
const ZBalance = z.object({
  owner: z.string(),
  balances: z.array(z.object({ currency: z.string(), available: z.number() })),
  payouts: z.array(ZPayout),
});
const ZSettlement = z.object({
  campaignId: z.string(),
  status: z.string(),
  settled: z.boolean(),
  settledAt: z.string().nullable(),
  pledges: z.record(z.string(), z.number()),
});
const ZLedgerView = z.object({
  campaignId: z.string(),
  currency: z.string(),
  totals: z.object({
    received: z.number(),
    refunded: z.number(),
    paymentFees: z.number(),
    platformFees: z.number(),
    toHost: z.number(),
    inEscrow: z.number(),
  }),
  balanced: z.boolean(),
  items: z.array(
    z.object({ id: z.string(), kind: z.string(), at: z.string(), entries: z.array(z.object({ account: z.string(), amount: z.number() })) }),
  ),
  nextCursor: z.string().nullable(),
});

export async function fundingMoneyRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['funding'];
  const onId = idRouteSchema('funding');

  r.post(
    '/campaigns/:id/settle',
    {
      ...onId({
        summary: 'Settle a campaign (operators; the scheduler does it at the deadline)',
        description:
          'Charges every pending pledge of a successful all-or-nothing campaign, voids them if it failed, takes fees and releases the rest to the host. `{endNow: true}` ends a live campaign first. Idempotent and resumable.',
        body: ZSettleRequest,
        response: { 200: ZSettlement },
      }),
      config: { idempotent: true, rateLimit: RATE_LIMITS.money },
    },
    async (request) => {
      requireOperator(request);
      const report = await settleCampaign(ctx, request.params.id, { endNow: request.body?.endNow, audit: auditContext(request) });
      forgetCampaignTerms(request.params.id);
      return report;
    },
  );

  r.get(
    '/campaigns/:id/ledger',
    onId({
      summary: 'Where a campaign’s money went: totals that add up, and its ledger transactions (public)',
      querystring: ZPageQuery.extend({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: ZLedgerView },
    }),
    async (request) => campaignLedger(ctx, request.params.id, request.actor, request.query),
  );

  r.post(
    '/pledges/:id/refund',
    {
      ...onId({
        summary: 'Refund a collected pledge, whole or in part (hosts, operators)',
        body: ZRefundRequest,
        response: { 200: ZRefund },
      }),
      config: { idempotent: true, rateLimit: RATE_LIMITS.money },
    },
    async (request) => refundPledge(ctx, requireActor(request), request.params.id, request.body, auditContext(request)),
  );

  r.post(
    '/payouts',
    {
      schema: {
        tags,
        summary: 'Pay out a host balance (an organization’s with orgId, else my own)',
        body: ZPayoutRequest,
        response: { 201: ZPayout, ...errorResponses },
      },
      config: { idempotent: true, rateLimit: RATE_LIMITS.money },
    },
    async (request, reply) => reply.status(201).send(await createPayout(ctx, requireActor(request), request.body, auditContext(request))),
  );

  r.get(
    '/orgs/:id/balance',
    {
      config: { auth: 'person' },
      ...onId({
        summary: 'An organization’s host balance and payouts (its owners and admins)',
        response: { 200: ZBalance },
      }),
    },
    async (request) => hostBalance(ctx, await balanceOwner(ctx, requireActor(request), request.params.id)),
  );

  r.get(
    '/me/balance',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'My own host balance (projects without an organization) and payouts',
        querystring: ZPageQuery.pick({}),
        response: { 200: ZBalance, ...errorResponses },
      },
    },
    async (request) => hostBalance(ctx, await balanceOwner(ctx, requireActor(request))),
  );
}
