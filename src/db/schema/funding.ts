import { pgTable, text, integer, boolean, char, jsonb, primaryKey } from 'drizzle-orm/pg-core';
import { bigNumber, createdAt, currency, id, timestamptz, updatedAt, amountAndCurrency } from '../columns.js';

export type CampaignModel = 'all_or_nothing' | 'keep_it_all' | 'donation';
export type CampaignStatus = 'draft' | 'live' | 'succeeded' | 'failed' | 'ended' | 'cancelled';
export type PledgeStatus =
  | 'collecting'
  | 'pending'
  | 'charging'
  | 'collected'
  | 'errored'
  | 'dropped'
  | 'voided'
  | 'cancelled'
  | 'refunded';

export interface StretchGoal {
  amount: number;
  description: string;
}

/** Shipping of a tier's reward: a cost per group of countries (ISO 3166 alpha-2, or `*` for the rest of the world). */
export interface TierShipping {
  groups: { name: string; countries: string[]; cost: number }[];
}

export const campaigns = pgTable('campaigns', {
  id: id(),
  projectId: text('project_id').notNull(),
  hostOwner: text('host_owner').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  currency: currency().notNull(),
  goal: bigNumber('goal').notNull(),
  model: text('model').$type<CampaignModel>().notNull(),
  deadline: timestamptz('deadline').notNull(),
  status: text('status').$type<CampaignStatus>().notNull().default('draft'),
  stretchGoals: jsonb('stretch_goals').$type<StretchGoal[]>().notNull().default([]),
  createdBy: text('created_by').notNull(),
  launchedAt: timestamptz('launched_at'),
  closedAt: timestamptz('closed_at'),
  decidedRaised: bigNumber('decided_raised'),
  settledAt: timestamptz('settled_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const campaignTiers = pgTable('campaign_tiers', {
  id: id(),
  campaignId: text('campaign_id').notNull(),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  price: bigNumber('price').notNull(),
  limitQty: integer('limit_qty'),
  estimatedDelivery: text('estimated_delivery'),
  shipping: jsonb('shipping').$type<TierShipping | null>(),
  archivedAt: timestamptz('archived_at'),
  createdAt: createdAt(),
});

export const tierSlots = pgTable(
  'tier_slots',
  {
    tierId: text('tier_id').notNull(),
    slot: integer('slot').notNull(),
    pledgeId: text('pledge_id'),
  },
  (t) => [primaryKey({ columns: [t.tierId, t.slot] })],
);

export const pledges = pgTable('pledges', {
  id: id(),
  campaignId: text('campaign_id').notNull(),
  tierId: text('tier_id'),
  backerId: text('backer_id').notNull(),
  ...amountAndCurrency(),
  shippingCountry: char('shipping_country', { length: 2 }),
  shippingCost: bigNumber('shipping_cost').notNull().default(0),
  status: text('status').$type<PledgeStatus>().notNull(),
  single: boolean('single').notNull(),
  idempotencyKey: text('idempotency_key'),
  requestHash: text('request_hash'),
  firstAnswer: text('first_answer'),
  provider: text('provider').notNull(),
  methodToken: text('method_token').notNull(),
  methodLabel: text('method_label').notNull(),
  chargeSeq: integer('charge_seq').notNull().default(0),
  chargeRef: text('charge_ref'),
  leaseUntil: timestamptz('lease_until'),
  erroredAt: timestamptz('errored_at'),
  fixDeadline: timestamptz('fix_deadline'),
  failureMessage: text('failure_message'),
  collectedAt: timestamptz('collected_at'),
  paymentFee: bigNumber('payment_fee').notNull().default(0),
  platformFee: bigNumber('platform_fee').notNull().default(0),
  refundedAmount: bigNumber('refunded_amount').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const pledgeRequests = pgTable(
  'pledge_requests',
  {
    backerId: text('backer_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.backerId, t.idempotencyKey] })],
);

export const pledgeRefunds = pgTable('pledge_refunds', {
  id: id(),
  pledgeId: text('pledge_id').notNull(),
  campaignId: text('campaign_id').notNull(),
  amount: bigNumber('amount').notNull(),
  platformFeeReturned: bigNumber('platform_fee_returned').notNull().default(0),
  currency: currency().notNull(),
  source: text('source').$type<'escrow' | 'host'>().notNull(),
  requestedBy: text('requested_by').notNull(),
  reason: text('reason').notNull().default(''),
  status: text('status').$type<'processing' | 'succeeded' | 'failed'>().notNull(),
  providerRef: text('provider_ref'),
  createdAt: createdAt(),
  completedAt: timestamptz('completed_at'),
});

export const payouts = pgTable('payouts', {
  id: id(),
  owner: text('owner').notNull(),
  currency: currency().notNull(),
  amount: bigNumber('amount').notNull(),
  requestedBy: text('requested_by').notNull(),
  status: text('status').$type<'processing' | 'paid' | 'failed'>().notNull(),
  providerRef: text('provider_ref'),
  failureMessage: text('failure_message'),
  createdAt: createdAt(),
  completedAt: timestamptz('completed_at'),
});
