import { z } from 'zod';
import { ZCurrency, ZMoney } from '../../http/schemas.js';

/** The largest amount a campaign, tier or pledge may name: 100 million in major units. */
export const MAX_AMOUNT = 10_000_000_000;
/** The smallest pledge, in minor units: below it the payment fee would eat the pledge. */
export const MIN_PLEDGE = 100;
/** The most slots a limited tier may have. */
export const MAX_TIER_LIMIT = 100_000;

export const MODELS = ['all_or_nothing', 'keep_it_all', 'donation'] as const;

const ZMinor = z.number().int('must be an integer number of minor units').min(0, 'must not be negative').max(MAX_AMOUNT, 'is too large');

/** An amount in the campaign's currency: an integer of minor units, or `{ amount, currency }`. */
export const ZAmountInput = z.union([ZMinor, z.object({ amount: ZMinor, currency: ZCurrency })]);
export type AmountInput = z.infer<typeof ZAmountInput>;

const ZCountry = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^([A-Z]{2}|\*)$/, 'must be a two-letter country code (ISO 3166) or * for the rest of the world'));

export const ZTierShipping = z
  .object({
    groups: z
      .array(
        z.object({
          name: z.string().trim().max(80).default(''),
          countries: z.array(ZCountry).min(1, 'needs at least one country').max(250),
          cost: ZMinor,
        }),
      )
      .min(1, 'needs at least one group of countries')
      .max(30),
  })
  .nullable();

export const ZTierInput = z.object({
  title: z.string().trim().min(1, 'is required').max(120),
  description: z.string().max(5000).default(''),
  price: ZAmountInput,
  limit: z.number().int().min(1, 'must be at least 1').max(MAX_TIER_LIMIT).nullable().optional(),
  estimatedDelivery: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM')
    .nullable()
    .optional(),
  shipping: ZTierShipping.optional(),
});
export type TierInput = z.infer<typeof ZTierInput>;

export const ZStretchGoal = z.object({
  amount: ZAmountInput,
  description: z.string().trim().min(1, 'is required').max(500),
});

const ZDeadline = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date and time, e.g. 2026-06-30T18:00:00Z' });

export const ZCreateCampaignRequest = z.object({
  title: z.string().trim().min(1).max(120).optional(),
  description: z.string().max(20_000).default(''),
  goal: ZMoney.extend({ amount: z.number().int().min(MIN_PLEDGE, `must be at least ${MIN_PLEDGE} minor units`).max(MAX_AMOUNT) }),
  model: z.enum(MODELS),
  deadline: ZDeadline,
  tiers: z.array(ZTierInput).max(50).default([]),
  stretchGoals: z.array(ZStretchGoal).max(20).default([]),
});
export type CreateCampaignRequest = z.infer<typeof ZCreateCampaignRequest>;

export const ZUpdateCampaignRequest = z.object({
  title: z.string().trim().min(1).max(120).optional(),
  description: z.string().max(20_000).optional(),
  goal: ZCreateCampaignRequest.shape.goal.optional(),
  deadline: ZDeadline.optional(),
  stretchGoals: z.array(ZStretchGoal).max(20).optional(),
});

export const ZUpdateTierRequest = ZTierInput.partial();

export const ZPaymentInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('test_card'), number: z.string().trim().min(1, 'is required').max(40) }),
  z.object({ type: z.literal('token'), provider: z.string().min(1).max(40), token: z.string().min(1).max(500) }),
]);

export const ZCreatePledgeRequest = z.object({
  amount: ZAmountInput,
  tierId: z.string().min(1).max(100).nullable().optional(),
  payment: ZPaymentInput,
  shippingCountry: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code (ISO 3166)'))
    .nullable()
    .optional(),
});
export type CreatePledgeRequest = z.infer<typeof ZCreatePledgeRequest>;

export const ZUpdatePledgeRequest = z.object({
  amount: ZAmountInput.optional(),
  tierId: z.string().min(1).max(100).nullable().optional(),
  shippingCountry: ZCreatePledgeRequest.shape.shippingCountry,
});

export const ZFixPledgeRequest = z.object({ payment: ZPaymentInput });
export const ZRefundRequest = z.object({ amount: ZAmountInput.optional(), reason: z.string().max(500).optional() });
export const ZSettleRequest = z.object({ endNow: z.boolean().optional() }).default({});
export const ZPayoutRequest = z.object({
  orgId: z.string().min(1).max(100).optional(),
  currency: ZCurrency,
  amount: z.number().int().min(1).max(MAX_AMOUNT).optional(),
});

// ---- answers ----

/** An amount in an answer: integer minor units and the currency. */
export const ZMoneyOut = z.object({ amount: z.number().int(), currency: z.string() });

export const ZTier = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  price: z.number().int(),
  currency: z.string(),
  limit: z.number().int().nullable(),
  remaining: z.number().int().nullable(),
  backers: z.number().int(),
  estimatedDelivery: z.string().nullable(),
  shipping: z
    .object({ groups: z.array(z.object({ name: z.string(), countries: z.array(z.string()), cost: z.number().int() })) })
    .nullable(),
});

export const ZCampaign = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  description: z.string(),
  descriptionHtml: z.string(),
  status: z.enum(['draft', 'live', 'succeeded', 'failed', 'ended', 'cancelled']),
  model: z.enum(MODELS),
  currency: z.string(),
  goal: ZMoneyOut,
  raised: ZMoneyOut,
  backers: z.number().int(),
  pledges: z.number().int(),
  deadline: z.string(),
  launchedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  settledAt: z.string().nullable(),
  stretchGoals: z.array(z.object({ amount: z.number().int(), description: z.string(), reached: z.boolean() })),
  tiers: z.array(ZTier),
  createdAt: z.string(),
  viewer: z.object({ isHost: z.boolean(), pledgeIds: z.array(z.string()) }),
});

export const ZPledge = z.object({
  id: z.string(),
  campaignId: z.string(),
  tierId: z.string().nullable(),
  status: z.string(),
  amount: ZMoneyOut,
  shippingCountry: z.string().nullable(),
  shippingCost: z.number().int(),
  paymentMethod: z.string(),
  refunded: z.number().int(),
  fixDeadline: z.string().nullable(),
  failureMessage: z.string().nullable(),
  createdAt: z.string(),
  collectedAt: z.string().nullable(),
});
