// The crowdfunding rule for taking or changing a pledge, written once in JavaScript: the campaign is live, not
// ended early and before its deadline, and the chosen reward tier (if any) is one of its tiers, not archived; then
// the pledge's own terms against the campaign's (amount, tier price, shipping).
// The hot-path statements state the campaign and tier part in SQL, where it must hold at the instant of the write
// (pledge-writer.ts insertStatement, pledge-queries.ts touchPledgeIfChangeable); this file names the answer a person gets.
import { type DomainError, conflict, invalid, notFound } from '../../lib/errors.js';
import type { CampaignTerms } from './campaign-terms.js';
import { amountIn, shippingCostTo } from './money.js';
import { MIN_PLEDGE, type CreatePledgeRequest } from './schemas.js';
import { formatAmount } from './util.js';

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

export interface Checked {
  tierId: string | null;
  amount: number;
  shippingCountry: string | null;
  shippingCost: number;
  limited: boolean;
}

/** A pledge's terms checked against the campaign's: 4xx naming the field for anything wrong. */
export function checkPledgeTerms(
  terms: CampaignTerms,
  body: Pick<CreatePledgeRequest, 'amount' | 'tierId' | 'shippingCountry'>,
  now: Date,
): Checked {
  const { campaign } = terms;
  assertTakesPledges(campaign, now);
  const amount = amountIn(body.amount, campaign.currency, 'body.amount');
  if (amount < MIN_PLEDGE)
    throw invalid('amount_too_small', `A pledge is at least ${formatAmount(MIN_PLEDGE, campaign.currency)}.`, { field: 'body.amount' });
  if (!body.tierId) return { tierId: null, amount, shippingCountry: body.shippingCountry ?? null, shippingCost: 0, limited: false };
  if (campaign.model === 'donation')
    throw invalid('donation_without_tiers', 'A donation campaign has no reward tiers: leave out tierId.', { field: 'body.tierId' });
  const tier = terms.tiers.get(body.tierId);
  assertTierTakesPledges(tier);
  let shippingCost = 0;
  if (tier.shipping) {
    if (!body.shippingCountry)
      throw invalid('shipping_country_required', 'This reward is shipped: say which country to ship it to.', {
        field: 'body.shippingCountry',
      });
    const cost = shippingCostTo(tier.shipping, body.shippingCountry);
    if (cost === null)
      throw invalid('no_shipping_to_country', `This reward does not ship to ${body.shippingCountry}.`, { field: 'body.shippingCountry' });
    shippingCost = cost;
  }
  const minimum = tier.price + shippingCost;
  if (amount < minimum) {
    const detail = shippingCost
      ? ` (${formatAmount(tier.price, campaign.currency)} plus ${formatAmount(shippingCost, campaign.currency)} shipping)`
      : '';
    throw invalid('amount_below_tier', `This reward needs a pledge of at least ${formatAmount(minimum, campaign.currency)}${detail}.`, {
      field: 'body.amount',
      minimum,
    });
  }
  return {
    tierId: tier.id,
    amount,
    shippingCountry: tier.shipping ? body.shippingCountry! : (body.shippingCountry ?? null),
    shippingCost,
    limited: tier.limitQty !== null,
  };
}
