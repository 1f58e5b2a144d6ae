import { describe, expect, it } from 'vitest';
import { medianPrice, verdictOf, type VerdictInput } from './verdict.js';

const base: VerdictInput = {
  signups: 500,
  intent: { yes: 120, respondents: 200 },
  goal: 500_000,
  medianTierPrice: 5000,
  currency: 'EUR',
  acceptableRange: [3000, 7000],
  priceCurrency: 'EUR',
};

describe('verdict', () => {
  describe('verdictOf', () => {
    it('says launch when the low end of the expected backers covers the goal and the price is acceptable', () => {
      const v = verdictOf(base);
      expect(v.backersNeeded).toBe(100);
      expect(v.expectedBackers!.estimate).toBe(300); // 500 × 60%
      expect(v.expectedBackers!.interval[0]).toBeCloseTo(500 * 0.5307, 0); // Wilson 120/200 low ≈ 0.5307
      expect(v.coverage).toBe(3);
      expect(v).toMatchObject({ verdict: 'launch', priceCheck: 'inside' });
      expect(v.reasons).toEqual(['price_inside', 'signups_cover_goal']);
    });

    it('says almost when the estimate covers the goal but the price is outside the range or answers are few', () => {
      expect(verdictOf({ ...base, medianTierPrice: 8000 })).toMatchObject({ verdict: 'almost', priceCheck: 'above', backersNeeded: 63 });
      expect(verdictOf({ ...base, intent: { yes: 12, respondents: 20 } }).verdict).toBe('almost');
      expect(verdictOf({ ...base, intent: { yes: 12, respondents: 20 } }).reasons).toContain('few_responses');
    });

    it('says almost when only the estimate, not its low end, covers the goal', () => {
      // needs 100; 170 × 60% = 102 but the low end 170 × 0.53 ≈ 90
      expect(verdictOf({ ...base, signups: 170 })).toMatchObject({
        verdict: 'almost',
        reasons: ['price_inside', 'signups_may_cover_goal'],
      });
    });

    it('says wait when the sign-ups fall short', () => {
      const v = verdictOf({ ...base, signups: 100 });
      expect(v.verdict).toBe('wait');
      expect(v.coverage).toBeCloseTo(0.6, 10);
      expect(v.reasons).toContain('signups_short_of_goal');
    });

    it('cannot tell without a campaign, tiers or an intent question', () => {
      expect(verdictOf({ ...base, goal: null, medianTierPrice: null })).toMatchObject({
        verdict: 'unknown',
        backersNeeded: null,
        reasons: expect.arrayContaining(['no_campaign']),
      });
      expect(verdictOf({ ...base, medianTierPrice: null }).reasons).toContain('no_tiers');
      expect(verdictOf({ ...base, intent: null })).toMatchObject({
        verdict: 'unknown',
        expectedBackers: null,
        reasons: expect.arrayContaining(['no_intent_question']),
      });
      expect(verdictOf({ ...base, intent: { yes: 0, respondents: 0 } }).reasons).toContain('no_intent_answers');
    });

    it('does not compare prices in different currencies', () => {
      const v = verdictOf({ ...base, priceCurrency: 'USD' });
      expect(v.priceCheck).toBeNull();
      expect(v.reasons).toContain('currency_mismatch');
    });
  });

  describe('medianPrice', () => {
    it('takes the middle price, or the mean of the two middle ones', () => {
      expect(medianPrice([1000, 5000, 2500])).toBe(2500);
      expect(medianPrice([1000, 2000])).toBe(1500);
      expect(medianPrice([])).toBeNull();
    });
  });
});
