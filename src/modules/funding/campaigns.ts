import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { forbidden, notFound, unauthenticated } from '../../lib/errors.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { findProject, isProjectHost, type Project } from '../projects/access.js';
import { BACKING_STATUSES } from './backers.js';
import { type Campaign, selectCampaign } from './campaign-queries.js';
import { selectStandingPledgeIds, sumPledgesOfCampaign } from './pledge-queries.js';
import { countFreeSlots, selectOpenTiers, type Tier } from './tier-queries.js';

export type { Campaign, Tier };

/** Statuses after which a campaign takes no more pledges. */
export const FINAL_STATUSES = ['succeeded', 'failed', 'ended', 'cancelled'] as const;

/**
 * A campaign by id, or a 404 (also when its project is hidden from the caller).
 * @example const { campaign, project } = await findCampaign(ctx.db, id, actor)
 */
export async function findCampaign(db: Executor, id: string, actor: Actor | null): Promise<{ campaign: Campaign; project: Project }> {
  const campaign = await selectCampaign(db, id);
  if (!campaign) throw notFound('campaign');
  const project = await findProject(db, campaign.projectId, actor).catch(() => {
    throw notFound('campaign');
  });
  // Why: a draft is the host's work in progress; the crowd sees a campaign once it is launched.
  if (campaign.status === 'draft' && !(await isProjectHost(db, project, actor))) throw notFound('campaign');
  return { campaign, project };
}

/**
 * A campaign its caller hosts (owner or admin of the project, or an operator), else 401/403/404.
 * @example const { campaign } = await requireCampaignHost(ctx.db, id, actor)
 */
export async function requireCampaignHost(db: Executor, id: string, actor: Actor | null) {
  if (!actor) throw unauthenticated();
  const found = await findCampaign(db, id, actor);
  // Why: a campaign's settings, backers and money are its project hosts' business only.
  if (!(await isProjectHost(db, found.project, actor))) throw forbidden('Only the hosts of this project can do this.');
  return found;
}

/** The campaign's tiers, archived ones left out, in order. */
export function tiersOf(db: Executor, campaignId: string): Promise<Tier[]> {
  return selectOpenTiers(db, campaignId);
}

export interface CampaignTotals {
  raised: number;
  backers: number;
  pledges: number;
  tierBackers: Map<string, number>;
}

/**
 * What a campaign has raised, from its pledges (never from a counter): pledged and collected amounts net of
 * refunds, distinct backers, and pledges per tier. A failed or cancelled campaign shows what was pledged
 * when it ended (those pledges are voided).
 */
export async function campaignTotals(db: Executor, campaign: Pick<Campaign, 'id' | 'status'>): Promise<CampaignTotals> {
  const statuses: string[] = campaign.status === 'failed' || campaign.status === 'cancelled' ? ['voided'] : [...BACKING_STATUSES];
  const rows = await sumPledgesOfCampaign(db, campaign.id, statuses);
  const totals: CampaignTotals = { raised: 0, backers: 0, pledges: 0, tierBackers: new Map() };
  for (const r of rows) {
    if (r.total === 1) Object.assign(totals, { raised: r.raised, backers: r.backers, pledges: r.pledges });
    else if (r.tierId) totals.tierBackers.set(r.tierId, r.pledges);
  }
  return totals;
}

/** Free slots of limited tiers: what each has left. */
export function remainingOf(db: Executor, tierIds: string[]): Promise<Map<string, number>> {
  return countFreeSlots(db, tierIds);
}

export function presentTier(tier: Tier, currency: string, backers: number, remaining: number | null) {
  return {
    id: tier.id,
    title: tier.title,
    description: tier.description,
    price: tier.price,
    currency,
    limit: tier.limitQty,
    remaining: tier.limitQty === null ? null : remaining,
    backers,
    estimatedDelivery: tier.estimatedDelivery,
    shipping: tier.shipping ?? null,
  };
}

/**
 * The campaign as the API shows it: goal, what it raised and from how many backers, its tiers with what
 * each has left, stretch goals reached, and the viewer's own pledges.
 * @example reply.send(await presentCampaign(ctx, campaign, project, actor))
 */
export async function presentCampaign(ctx: AppContext, campaign: Campaign, project: Project, actor: Actor | null) {
  const [tiers, totals] = await Promise.all([tiersOf(ctx.db, campaign.id), campaignTotals(ctx.db, campaign)]);
  const remaining = await remainingOf(
    ctx.db,
    tiers.filter((t) => t.limitQty !== null).map((t) => t.id),
  );
  const mine = actor ? await selectStandingPledgeIds(ctx.db, campaign.id, actor.userId) : [];
  return {
    id: campaign.id,
    projectId: campaign.projectId,
    title: campaign.title,
    description: campaign.description,
    descriptionHtml: renderMarkdown(campaign.description),
    status: campaign.status,
    model: campaign.model,
    currency: campaign.currency,
    goal: { amount: campaign.goal, currency: campaign.currency },
    raised: { amount: totals.raised, currency: campaign.currency },
    backers: totals.backers,
    pledges: totals.pledges,
    deadline: campaign.deadline.toISOString(),
    launchedAt: campaign.launchedAt?.toISOString() ?? null,
    closedAt: campaign.closedAt?.toISOString() ?? null,
    settledAt: campaign.settledAt?.toISOString() ?? null,
    stretchGoals: campaign.stretchGoals.map((g) => ({ amount: g.amount, description: g.description, reached: totals.raised >= g.amount })),
    tiers: tiers.map((t) => presentTier(t, campaign.currency, totals.tierBackers.get(t.id) ?? 0, remaining.get(t.id) ?? 0)),
    createdAt: campaign.createdAt.toISOString(),
    viewer: { isHost: await isProjectHost(ctx.db, project, actor), pledgeIds: mine },
  };
}
