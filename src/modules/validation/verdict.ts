// The "should I launch?" summary: a pure function of the panel's figures, so its rules are easy to read and test.
import { wilsonInterval, type Interval } from '../../lib/statistics/index.js';

/** Fewer intent answers than this and the estimate is too rough to say "launch". */
export const MIN_INTENT_RESPONSES = 30;

export type Verdict = 'launch' | 'almost' | 'wait' | 'unknown';
export type PriceCheck = 'inside' | 'below' | 'above';

export interface VerdictInput {
  /** "Notify me at launch" sign-ups so far. */
  signups: number;
  /** Intent to back among survey respondents: how many said they would, out of how many answered. */
  intent: { yes: number; respondents: number } | null;
  /** The campaign's goal and the median price of its tiers, minor units, in the campaign currency. */
  goal: number | null;
  medianTierPrice: number | null;
  currency: string | null;
  /** The survey's acceptable price range (Van Westendorp) and its currency. */
  acceptableRange: [number, number] | null;
  priceCurrency: string | null;
}

export interface VerdictSummary {
  verdict: Verdict;
  /** Backers the goal needs at the median tier price: ⌈goal / median tier price⌉. */
  backersNeeded: number | null;
  /** Sign-ups × intent share, with the 95% Wilson interval of the share carried over. */
  expectedBackers: { estimate: number; interval: Interval } | null;
  /** expected / needed. */
  coverage: number | null;
  priceCheck: PriceCheck | null;
  /** Why, as codes the web translates. */
  reasons: string[];
}

/**
 * The summary. Rules: the goal needs ⌈goal / median tier price⌉ backers; the sign-ups are expected to bring
 * sign-ups × (share of respondents who intend to back), with the share's 95% Wilson interval. "launch" when even the
 * low end covers the goal, with at least 30 intent answers and the median tier price inside the acceptable range
 * (when the survey measured one); "almost" when the estimate covers the goal but not all of that holds; "wait" when
 * the estimate falls short; "unknown" without a campaign with tiers or without an intent question answered.
 * @example verdictOf({ signups: 500, intent: { yes: 120, respondents: 200 }, goal: 500000, medianTierPrice: 5000, currency: 'EUR', acceptableRange: [3000, 7000], priceCurrency: 'EUR' })
 *   // { verdict: 'launch', backersNeeded: 100, expectedBackers: { estimate: 300, … }, … }
 */
export function verdictOf(input: VerdictInput): VerdictSummary {
  const reasons: string[] = [];
  let backersNeeded: number | null = null;
  if (input.goal === null) reasons.push('no_campaign');
  else if (!input.medianTierPrice) reasons.push('no_tiers');
  else backersNeeded = Math.ceil(input.goal / input.medianTierPrice);

  let expectedBackers: VerdictSummary['expectedBackers'] = null;
  if (!input.intent) reasons.push('no_intent_question');
  else if (!input.intent.respondents) reasons.push('no_intent_answers');
  else {
    const share = input.intent.yes / input.intent.respondents;
    const [low, high] = wilsonInterval(input.intent.yes, input.intent.respondents);
    expectedBackers = { estimate: input.signups * share, interval: [input.signups * low, input.signups * high] };
    if (input.intent.respondents < MIN_INTENT_RESPONSES) reasons.push('few_responses');
  }
  if (!input.signups) reasons.push('no_signups');

  let priceCheck: PriceCheck | null = null;
  if (input.acceptableRange && input.medianTierPrice) {
    if (input.priceCurrency && input.currency && input.priceCurrency !== input.currency) reasons.push('currency_mismatch');
    else {
      const [low, high] = input.acceptableRange;
      priceCheck = input.medianTierPrice < low ? 'below' : input.medianTierPrice > high ? 'above' : 'inside';
      reasons.push(`price_${priceCheck}`);
    }
  } else if (input.medianTierPrice) reasons.push('no_price_range');

  const coverage = backersNeeded && expectedBackers ? expectedBackers.estimate / backersNeeded : null;
  let verdict: Verdict = 'unknown';
  if (backersNeeded !== null && expectedBackers) {
    const covers = expectedBackers.estimate >= backersNeeded;
    const surely = expectedBackers.interval[0] >= backersNeeded;
    reasons.push(surely ? 'signups_cover_goal' : covers ? 'signups_may_cover_goal' : 'signups_short_of_goal');
    const confident = input.intent!.respondents >= MIN_INTENT_RESPONSES && (priceCheck === null || priceCheck === 'inside');
    verdict = surely && confident ? 'launch' : covers ? 'almost' : 'wait';
  }
  return { verdict, backersNeeded, expectedBackers, coverage, priceCheck, reasons };
}

/**
 * The median of tier prices (the mean of the two middle ones for an even count), or null without tiers.
 * @example medianPrice([1000, 5000, 2500]) // 2500
 */
export function medianPrice(prices: readonly number[]): number | null {
  if (!prices.length) return null;
  const s = [...prices].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
}
