import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountIn, basisPoints, feesOn, shippingCostTo } from './money.js';

const config = { FOULE_PLATFORM_FEE_BPS: 500, FOULE_PAYMENT_FEE_BPS: 290, FOULE_PAYMENT_FEE_FIXED: 30 };

describe('money', () => {
  describe('feesOn', () => {
    it('takes the payment fee (percent plus fixed) and the platform fee (percent)', () => {
      expect(feesOn(10_000, config)).toEqual({ payment: 320, platform: 500 });
      expect(feesOn(2_500, config)).toEqual({ payment: 103, platform: 125 });
    });

    it('never takes more than the amount, whatever the settings', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10_000_000_000 }),
          fc.integer({ min: 0, max: 5000 }),
          fc.integer({ min: 0, max: 5000 }),
          fc.integer({ min: 0, max: 10_000 }),
          (amount, a, b, fixed) => {
            const fees = feesOn(amount, { FOULE_PLATFORM_FEE_BPS: a, FOULE_PAYMENT_FEE_BPS: b, FOULE_PAYMENT_FEE_FIXED: fixed });
            return (
              Number.isInteger(fees.payment) &&
              Number.isInteger(fees.platform) &&
              fees.payment >= 0 &&
              fees.platform >= 0 &&
              fees.payment + fees.platform <= amount
            );
          },
        ),
      );
    });
  });

  it('rounds basis points half up', () => {
    expect(basisPoints(10, 500)).toBe(1); // 0.5 → 1
    expect(basisPoints(9, 500)).toBe(0); // 0.45 → 0
  });

  it('reads an amount as minor units or as money in the campaign currency', () => {
    expect(amountIn(1200, 'EUR', 'body.amount')).toBe(1200);
    expect(amountIn({ amount: 1200, currency: 'EUR' }, 'EUR', 'body.amount')).toBe(1200);
    expect(() => amountIn({ amount: 1200, currency: 'USD' }, 'EUR', 'body.amount')).toThrow(/in EUR/);
  });

  it('finds the shipping cost of a country: its group, else the rest of the world, else none', () => {
    const shipping = {
      groups: [
        { countries: ['FR', 'BE'], cost: 500 },
        { countries: ['*'], cost: 1500 },
      ],
    };
    expect(shippingCostTo(shipping, 'FR')).toBe(500);
    expect(shippingCostTo(shipping, 'JP')).toBe(1500);
    expect(shippingCostTo({ groups: [{ countries: ['FR'], cost: 500 }] }, 'JP')).toBeNull();
    expect(shippingCostTo(shipping, null)).toBeNull();
    expect(shippingCostTo(null, null)).toBe(0);
  });
});
