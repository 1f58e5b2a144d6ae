import type { AppContext } from '../../context.js';
import { notFound } from '../../lib/errors.js';
import { type Campaign, selectCampaignWithHidden } from './campaign-queries.js';
import { selectTiersOfCampaign, type Tier } from './tier-queries.js';

/** What a pledge is checked against: the campaign and its tiers, as they were read. */
export interface CampaignTerms {
  campaign: Campaign;
  projectHidden: boolean;
  tiers: Map<string, Tier>;
  readAt: number;
}

/**
 * How long a live campaign's terms are reused by this process. While live, what a pledge is checked
 * against here cannot change (goal, currency, model, deadline, tier prices, shipping, limited or not);
 * what can change (ended early, a tier archived, its project hidden by moderation) is checked again by the
 * statement that writes the pledge.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;
const cache = new Map<string, CampaignTerms>();

/** A campaign's terms read now from the database (no cache). */
export async function loadCampaignTerms(ctx: Pick<AppContext, 'db'>, id: string): Promise<CampaignTerms> {
  const row = await selectCampaignWithHidden(ctx.db, id);
  // A campaign of no project (never so in practice) is as absent as one that does not exist.
  if (!row || row.hidden === null) throw notFound('campaign');
  const tiers = await selectTiersOfCampaign(ctx.db, id);
  return { campaign: row.campaign, projectHidden: row.hidden, tiers: new Map(tiers.map((t) => [t.id, t])), readAt: Date.now() };
}

/**
 * A campaign's terms for checking a pledge: from this process's short-lived cache while the campaign is
 * live, else from the database. A tier not yet seen is looked up again (tiers can be added while live).
 * @example const terms = await campaignTerms(ctx, campaignId, body.tierId)
 */
export async function campaignTerms(ctx: Pick<AppContext, 'db'>, id: string, tierId?: string | null): Promise<CampaignTerms> {
  const hit = cache.get(id);
  if (hit && Date.now() - hit.readAt < TTL_MS && (!tierId || hit.tiers.has(tierId))) return hit;
  const terms = await loadCampaignTerms(ctx, id);
  if (terms.campaign.status === 'live' && !terms.projectHidden) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(id, terms);
  } else {
    cache.delete(id);
  }
  return terms;
}

/** Forgets a campaign's cached terms (after this process changed them). */
export function forgetCampaignTerms(id: string): void {
  cache.delete(id);
}
