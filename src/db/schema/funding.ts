import { pgTable, text, timestamp, integer, bigint, boolean, char, jsonb, primaryKey } from 'drizzle-orm/pg-core';

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
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  hostOwner: text('host_owner').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  currency: char('currency', { length: 3 }).notNull(),
  goal: bigint('goal', { mode: 'number' }).notNull(),
  model: text('model').$type<CampaignModel>().notNull(),
  deadline: timestamp('deadline', { withTimezone: true }).notNull(),
  status: text('status').$type<CampaignStatus>().notNull().default('draft'),
  stretchGoals: jsonb('stretch_goals').$type<StretchGoal[]>().notNull().default([]),
  createdBy: text('created_by').notNull(),
  launchedAt: timestamp('launched_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  decidedRaised: bigint('decided_raised', { mode: 'number' }),
  settledAt: timestamp('settled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const campaignTiers = pgTable('campaign_tiers', {
  id: text('id').primaryKey(),
  campaignId: text('campaign_id').notNull(),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  price: bigint('price', { mode: 'number' }).notNull(),
  limitQty: integer('limit_qty'),
  estimatedDelivery: text('estimated_delivery'),
  shipping: jsonb('shipping').$type<TierShipping | null>(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
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
  id: text('id').primaryKey(),
  campaignId: text('campaign_id').notNull(),
  tierId: text('tier_id'),
  backerId: text('backer_id').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  shippingCountry: char('shipping_country', { length: 2 }),
  shippingCost: bigint('shipping_cost', { mode: 'number' }).notNull().default(0),
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
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  erroredAt: timestamp('errored_at', { withTimezone: true }),
  fixDeadline: timestamp('fix_deadline', { withTimezone: true }),
  failureMessage: text('failure_message'),
  collectedAt: timestamp('collected_at', { withTimezone: true }),
  paymentFee: bigint('payment_fee', { mode: 'number' }).notNull().default(0),
  platformFee: bigint('platform_fee', { mode: 'number' }).notNull().default(0),
  refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const pledgeRequests = pgTable(
  'pledge_requests',
  {
    backerId: text('backer_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.backerId, t.idempotencyKey] })],
);

export const pledgeRefunds = pgTable('pledge_refunds', {
  id: text('id').primaryKey(),
  pledgeId: text('pledge_id').notNull(),
  campaignId: text('campaign_id').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  platformFeeReturned: bigint('platform_fee_returned', { mode: 'number' }).notNull().default(0),
  currency: char('currency', { length: 3 }).notNull(),
  source: text('source').$type<'escrow' | 'host'>().notNull(),
  requestedBy: text('requested_by').notNull(),
  reason: text('reason').notNull().default(''),
  status: text('status').$type<'processing' | 'succeeded' | 'failed'>().notNull(),
  providerRef: text('provider_ref'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});

export const payouts = pgTable('payouts', {
  id: text('id').primaryKey(),
  owner: text('owner').notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  requestedBy: text('requested_by').notNull(),
  status: text('status').$type<'processing' | 'paid' | 'failed'>().notNull(),
  providerRef: text('provider_ref'),
  failureMessage: text('failure_message'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});
