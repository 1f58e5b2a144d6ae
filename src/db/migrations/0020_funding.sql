-- Crowdfunding: campaigns, reward tiers, limited-tier slots and pledges, and the built-in test payment
-- provider's own records. Money moves only through the ledger (0005); these tables hold state.
--
-- Pledges carry no foreign keys on purpose: a foreign-key check locks the parent row (FOR KEY SHARE),
-- so every pledge of a hot campaign would lock that one campaign row. Their ids are checked by the code
-- that writes them, and campaigns, tiers and accounts are never deleted (tiers are archived).
CREATE TABLE campaigns (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects(id),
  host_owner text NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  currency char(3) NOT NULL,
  goal bigint NOT NULL CHECK (goal > 0),
  model text NOT NULL CHECK (model IN ('all_or_nothing', 'keep_it_all', 'donation')),
  deadline timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'live', 'succeeded', 'failed', 'ended', 'cancelled')),
  stretch_goals jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by text NOT NULL,
  launched_at timestamptz,
  closed_at timestamptz,
  decided_raised bigint,
  settled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX campaigns_project_idx ON campaigns (project_id, created_at);
--> statement-breakpoint
CREATE UNIQUE INDEX campaigns_one_live_per_project ON campaigns (project_id) WHERE status = 'live';
--> statement-breakpoint
CREATE INDEX campaigns_unsettled_idx ON campaigns (deadline) WHERE settled_at IS NULL AND status <> 'draft';
--> statement-breakpoint
CREATE TABLE campaign_tiers (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaigns(id),
  position integer NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  price bigint NOT NULL CHECK (price >= 0),
  limit_qty integer CHECK (limit_qty > 0),
  estimated_delivery text,
  shipping jsonb,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX campaign_tiers_campaign_idx ON campaign_tiers (campaign_id, position);
--> statement-breakpoint
-- A limited tier has exactly `limit_qty` slot rows; a pledge on it holds one. Claimed with
-- FOR UPDATE SKIP LOCKED, so concurrent backers take different slots and a tier is never oversold.
CREATE TABLE tier_slots (
  tier_id text NOT NULL REFERENCES campaign_tiers(id),
  slot integer NOT NULL,
  pledge_id text,
  PRIMARY KEY (tier_id, slot)
);
--> statement-breakpoint
CREATE INDEX tier_slots_free_idx ON tier_slots (tier_id, slot) WHERE pledge_id IS NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX tier_slots_pledge_key ON tier_slots (pledge_id) WHERE pledge_id IS NOT NULL;
--> statement-breakpoint
CREATE TABLE pledges (
  id text PRIMARY KEY,
  campaign_id text NOT NULL,
  tier_id text,
  backer_id text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  currency char(3) NOT NULL,
  shipping_country char(2),
  shipping_cost bigint NOT NULL DEFAULT 0,
  status text NOT NULL CHECK (status IN ('collecting', 'pending', 'charging', 'collected', 'errored', 'dropped', 'voided', 'cancelled', 'refunded')),
  single boolean NOT NULL,
  idempotency_key text,
  request_hash text,
  first_answer text,
  provider text NOT NULL,
  method_token text NOT NULL,
  method_label text NOT NULL,
  charge_seq integer NOT NULL DEFAULT 0,
  charge_ref text,
  lease_until timestamptz,
  errored_at timestamptz,
  fix_deadline timestamptz,
  failure_message text,
  collected_at timestamptz,
  payment_fee bigint NOT NULL DEFAULT 0,
  platform_fee bigint NOT NULL DEFAULT 0,
  refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
-- The Idempotency-Key of the request that created the pledge: a crash between the commit and the answer
-- can never make a retry create a second pledge.
CREATE UNIQUE INDEX pledges_backer_key ON pledges (backer_id, idempotency_key);
--> statement-breakpoint
-- One active pledge a backer a campaign (donations excepted: `single` is false for them).
CREATE UNIQUE INDEX pledges_one_per_backer ON pledges (campaign_id, backer_id)
  WHERE single AND status IN ('collecting', 'pending', 'charging', 'collected', 'errored');
--> statement-breakpoint
CREATE INDEX pledges_campaign_status_idx ON pledges (campaign_id, status);
--> statement-breakpoint
CREATE INDEX pledges_errored_idx ON pledges (fix_deadline) WHERE status = 'errored';
--> statement-breakpoint
CREATE INDEX pledges_leased_idx ON pledges (lease_until) WHERE status IN ('collecting', 'charging');
--> statement-breakpoint
-- Answers to pledge requests that failed (declined card, sold-out tier …), replayed for the same key.
CREATE TABLE pledge_requests (
  backer_id text NOT NULL,
  idempotency_key text NOT NULL,
  request_hash text NOT NULL,
  status_code integer NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (backer_id, idempotency_key)
);
--> statement-breakpoint
CREATE TABLE pledge_refunds (
  id text PRIMARY KEY,
  pledge_id text NOT NULL,
  campaign_id text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  platform_fee_returned bigint NOT NULL DEFAULT 0,
  currency char(3) NOT NULL,
  source text NOT NULL CHECK (source IN ('escrow', 'host')),
  requested_by text NOT NULL,
  reason text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('processing', 'succeeded', 'failed')),
  provider_ref text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
--> statement-breakpoint
CREATE INDEX pledge_refunds_pledge_idx ON pledge_refunds (pledge_id);
--> statement-breakpoint
CREATE INDEX pledge_refunds_processing_idx ON pledge_refunds (created_at) WHERE status = 'processing';
--> statement-breakpoint
CREATE TABLE payouts (
  id text PRIMARY KEY,
  owner text NOT NULL,
  currency char(3) NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  requested_by text NOT NULL,
  status text NOT NULL CHECK (status IN ('processing', 'paid', 'failed')),
  provider_ref text,
  failure_message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
--> statement-breakpoint
CREATE INDEX payouts_owner_idx ON payouts (owner, created_at);
--> statement-breakpoint
CREATE INDEX payouts_processing_idx ON payouts (created_at) WHERE status = 'processing';
--> statement-breakpoint
-- The built-in `test` payment provider's own books, as a card processor keeps them: each charge, refund
-- and payout once per idempotency key, so "charged exactly once" can be checked.
CREATE TABLE payment_charges (
  idempotency_key text PRIMARY KEY,
  id text NOT NULL UNIQUE,
  provider text NOT NULL,
  method_token text NOT NULL,
  amount bigint NOT NULL,
  currency char(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
  failure_code text,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE payment_refunds (
  idempotency_key text PRIMARY KEY,
  id text NOT NULL UNIQUE,
  provider text NOT NULL,
  charge_id text NOT NULL,
  amount bigint NOT NULL,
  currency char(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('succeeded', 'failed')),
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE payment_payouts (
  idempotency_key text PRIMARY KEY,
  id text NOT NULL UNIQUE,
  provider text NOT NULL,
  destination text NOT NULL,
  amount bigint NOT NULL,
  currency char(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('paid', 'failed')),
  created_at timestamptz NOT NULL DEFAULT now()
);
