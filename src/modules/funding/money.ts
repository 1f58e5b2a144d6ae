import type { Config } from '../../config.js';
import { invalid } from '../../lib/errors.js';
import type { AmountInput } from './schemas.js';

/**
 * An amount given as minor units or as `{ amount, currency }`, in the campaign's currency; a 400 naming
 * the field when the currency differs.
 * @example amountIn({ amount: 2500, currency: 'EUR' }, 'EUR', 'body.amount') === 2500
 */
export function amountIn(input: AmountInput, currency: string, field: string): number {
  if (typeof input === 'number') return input;
  if (input.currency !== currency) {
    throw invalid('currency_mismatch', `This campaign is in ${currency}; ${field.replace(/^body\./, '')} is in ${input.currency}.`, {
      field,
    });
  }
  return input.amount;
}

/** `amount × bps / 10 000`, rounded half up, in integers. */
export function basisPoints(amount: number, bps: number): number {
  return Math.floor((amount * bps + 5000) / 10_000);
}

export interface Fees {
  payment: number;
  platform: number;
}

/**
 * The fees on a collected amount: the payment processor's (percent plus fixed) and the platform's
 * (percent), never more than the amount together.
 * @example feesOn(10_000, config) // { payment: 320, platform: 500 } with the defaults
 */
export function feesOn(
  amount: number,
  config: Pick<Config, 'FOULE_PLATFORM_FEE_BPS' | 'FOULE_PAYMENT_FEE_BPS' | 'FOULE_PAYMENT_FEE_FIXED'>,
): Fees {
  const payment = Math.min(amount, basisPoints(amount, config.FOULE_PAYMENT_FEE_BPS) + config.FOULE_PAYMENT_FEE_FIXED);
  const platform = Math.min(amount - payment, basisPoints(amount, config.FOULE_PLATFORM_FEE_BPS));
  return { payment, platform };
}

/** Shipping cost of a tier to a country: the first group naming it, else the `*` group, else null (no shipping there). */
export function shippingCostTo(
  shipping: { groups: { countries: string[]; cost: number }[] } | null,
  country: string | null | undefined,
): number | null {
  if (!shipping) return 0;
  if (!country) return null;
  const group = shipping.groups.find((g) => g.countries.includes(country)) ?? shipping.groups.find((g) => g.countries.includes('*'));
  return group ? group.cost : null;
}
