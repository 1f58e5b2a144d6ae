import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { ZPageQuery, errorResponses, paged } from '../../http/schemas.js';
import { findCampaign, presentCampaign } from './campaigns.js';
import { cancelCampaign } from './cancel-campaign.js';
import { forgetCampaignTerms } from './campaign-terms.js';
import { createCampaign } from './create-campaign.js';
import { launchCampaign } from './launch-campaign.js';
import { projectCampaigns } from './list-campaigns.js';
import { fundingMoneyRoutes } from './routes-money.js';
import { fundingPledgeRoutes } from './routes-pledges.js';
import { ZCampaign, ZCreateCampaignRequest, ZTier, ZTierInput, ZUpdateCampaignRequest, ZUpdateTierRequest } from './schemas.js';
import { auditContext } from '../audit/record-audit.js';
import { addTier, deleteTier, updateTier } from './tiers.js';
import { updateCampaign } from './update-campaign.js';

const ZTierParams = z.object({ id: z.string().min(1).max(100), tierId: z.string().min(1).max(100) });

export async function fundingRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['funding'];
  const onId = idRouteSchema('funding');
  const view = async (id: string, actor: Parameters<typeof findCampaign>[2]) => {
    const { campaign, project } = await findCampaign(ctx.db, id, actor);
    return presentCampaign(ctx, campaign, project, actor);
  };

  r.post(
    '/projects/:id/campaigns',
    onId({
      summary: 'Create a draft campaign with its tiers and stretch goals (hosts)',
      description:
        'Amounts are integer minor units in the campaign currency (or `{amount, currency}`). `limit` is how many backers a tier can take.',
      body: ZCreateCampaignRequest,
      response: { 201: ZCampaign },
    }),
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await createCampaign(ctx, actor, request.params.id, request.body);
      return reply.status(201).send(await view(id, actor));
    },
  );

  r.get(
    '/projects/:id/campaigns',
    onId({
      summary: 'A project’s campaigns, newest first (drafts for hosts only)',
      querystring: ZPageQuery,
      response: { 200: paged(ZCampaign) },
    }),
    async (request) => projectCampaigns(ctx, request.actor, request.params.id, request.query),
  );

  r.get(
    '/campaigns/:id',
    onId({
      summary: 'A campaign: goal, raised, backers, deadline, tiers with what each has left',
      response: { 200: ZCampaign },
    }),
    async (request) => view(request.params.id, request.actor),
  );

  r.patch(
    '/campaigns/:id',
    onId({
      summary: 'Edit a campaign (hosts; goal and deadline only while a draft)',
      body: ZUpdateCampaignRequest,
      response: { 200: ZCampaign },
    }),
    async (request) => {
      const actor = requireActor(request);
      await updateCampaign(ctx, actor, request.params.id, request.body);
      forgetCampaignTerms(request.params.id);
      return view(request.params.id, actor);
    },
  );

  r.post(
    '/campaigns/:id/launch',
    onId({
      summary: 'Launch a draft campaign: it goes live, sign-ups and followers are told (hosts)',
      response: { 200: ZCampaign },
    }),
    async (request) => {
      const actor = requireActor(request);
      await launchCampaign(ctx, actor, request.params.id);
      return view(request.params.id, actor);
    },
  );

  r.post(
    '/campaigns/:id/cancel',
    onId({
      summary: 'Call a campaign off (hosts): a draft, or a live campaign whose backers were not charged yet (their pledges are voided)',
      response: { 200: ZCampaign },
    }),
    async (request) => {
      const actor = requireActor(request);
      await cancelCampaign(ctx, actor, request.params.id, auditContext(request));
      return view(request.params.id, actor);
    },
  );

  r.post(
    '/campaigns/:id/tiers',
    onId({
      summary: 'Add a reward tier (hosts; also while live)',
      body: ZTierInput,
      response: { 201: ZTier },
    }),
    async (request, reply) => {
      const actor = requireActor(request);
      const tierId = await addTier(ctx, actor, request.params.id, request.body);
      forgetCampaignTerms(request.params.id);
      const campaign = await view(request.params.id, actor);
      return reply.status(201).send(campaign.tiers.find((t) => t.id === tierId)!);
    },
  );

  r.patch(
    '/campaigns/:id/tiers/:tierId',
    {
      schema: {
        tags,
        summary: 'Edit a tier (hosts; price and shipping fixed once live, a limit can only grow)',
        params: ZTierParams,
        body: ZUpdateTierRequest,
        response: { 200: ZTier, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await updateTier(ctx, actor, request.params.id, request.params.tierId, request.body);
      forgetCampaignTerms(request.params.id);
      const campaign = await view(request.params.id, actor);
      return campaign.tiers.find((t) => t.id === request.params.tierId)!;
    },
  );

  r.delete(
    '/campaigns/:id/tiers/:tierId',
    {
      schema: {
        tags,
        summary: 'Delete a tier nobody pledged on (hosts)',
        params: ZTierParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteTier(ctx, requireActor(request), request.params.id, request.params.tierId);
      forgetCampaignTerms(request.params.id);
      return reply.status(204).send(null);
    },
  );

  await fundingPledgeRoutes(app, ctx);
  await fundingMoneyRoutes(app, ctx);
}
