// The crowdfunding rule for taking or changing a pledge, written once in JavaScript: the campaign is live, not
// ended early and before its deadline, and the chosen reward tier (if any) is one of its tiers, not archived.
// The hot-path statements state the same rule in SQL, where it must hold at the instant of the write
// (pledge-writer.ts insertStatement, update-pledge.ts lockPledgeForChange); this file names the answer a person gets.
import { DomainError, conflict, invalid, notFound } from '../../lib/errors.js';

export interface CampaignWindow {
  status: string;
  closedAt: unknown;
  deadline: Date;
}

/** Whether the campaign takes pledges (and changes to them) at `now`. */
export function takesPledges(campaign: CampaignWindow, now: Date): boolean {
  return campaign.status === 'live' && !campaign.closedAt && campaign.deadline > now;
}

/**
 * Throws the error a person sees when the campaign takes no pledge at `now`: a draft does not exist for them (404),
 * an ended one is a 409 saying when it ended.
 * @example assertTakesPledges(terms.campaign, ctx.clock.now())
 */
export function assertTakesPledges(campaign: CampaignWindow, now: Date): void {
  if (!takesPledges(campaign, now)) throw closedError(campaign.status, campaign.deadline, now);
}

/**
 * Throws unless the tier asked for is one of the campaign's and is not archived (`undefined`/`null`: no such tier).
 * @example assertTierTakesPledges(terms.tiers.get(body.tierId))
 */
export function assertTierTakesPledges<T extends { archivedAt: unknown }>(tier: T | null | undefined): asserts tier is T {
  if (!tier || tier.archivedAt) throw invalid('unknown_tier', 'This campaign has no such reward tier.', { field: 'body.tierId' });
}

/** The error for a campaign that takes no pledge: 404 for a draft, 409 `campaign_closed` otherwise. */
export function closedError(status: string, deadline: Date, now: Date): DomainError {
  if (status === 'draft') return notFound('campaign');
  if (status === 'live' && deadline > now) return conflict('campaign_closed', 'This campaign has just ended: it takes no more pledges.');
  return conflict('campaign_closed', `This campaign ended on ${deadline.toISOString().slice(0, 10)}: it takes no more pledges.`);
}
