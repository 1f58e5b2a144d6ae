-- Micro-tasks: batches of items, assignment leases and answers, per-worker counters.
-- Items and assignments carry no foreign keys on purpose: a foreign-key check locks the parent row
-- (FOR KEY SHARE) on every insert, and leasing is the hot path. Their ids are checked by the code that writes them.
CREATE TABLE task_batches (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  title text NOT NULL,
  instructions text NOT NULL DEFAULT '',
  answer_kind text NOT NULL CHECK (answer_kind IN ('label', 'labels', 'number', 'text')),
  labels jsonb NOT NULL DEFAULT '[]'::jsonb,
  min_overlap integer NOT NULL CHECK (min_overlap >= 1),
  max_overlap integer NOT NULL CHECK (max_overlap >= min_overlap),
  confidence double precision,
  reward_amount bigint CHECK (reward_amount IS NULL OR reward_amount > 0),
  currency char(3),
  gold_rate double precision NOT NULL DEFAULT 0 CHECK (gold_rate >= 0 AND gold_rate <= 1),
  min_gold_accuracy double precision,
  min_gold_answers integer,
  lease_seconds integer NOT NULL DEFAULT 600,
  auto_approve_hours integer NOT NULL DEFAULT 72,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'paused', 'closed')),
  items_count integer NOT NULL DEFAULT 0,
  gold_count integer NOT NULL DEFAULT 0,
  funded_amount bigint NOT NULL DEFAULT 0,
  created_by text NOT NULL,
  published_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX task_batches_project_idx ON task_batches (project_id, created_at DESC, id DESC);
--> statement-breakpoint
-- wanted: answers this item needs now (grows with dynamic overlap up to max_overlap).
-- answers_count and leased_count are kept by the transactions that lease, submit, skip, reject and expire.
CREATE TABLE task_items (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  batch_id text NOT NULL,
  external_id text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  gold jsonb,
  is_gold boolean NOT NULL DEFAULT false,
  wanted integer NOT NULL,
  answers_count integer NOT NULL DEFAULT 0,
  leased_count integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
CREATE UNIQUE INDEX task_items_external_key ON task_items (batch_id, external_id) WHERE external_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX task_items_batch_idx ON task_items (batch_id, seq);
--> statement-breakpoint
-- The items that can take a lease now: the lease query's partial index.
CREATE INDEX task_items_available_idx ON task_items (batch_id, is_gold, seq) WHERE answers_count + leased_count < wanted;
--> statement-breakpoint
-- Items holding leases, some perhaps expired: where expired leases are reclaimed.
CREATE INDEX task_items_leased_idx ON task_items (batch_id, seq) WHERE leased_count > 0;
--> statement-breakpoint
-- One row per worker and item: a lease, then an answer (or a skip, or an expired lease). worker_ref is the
-- account id for workers here, or the external id of an imported worker (user_id null).
CREATE TABLE task_assignments (
  id text PRIMARY KEY,
  batch_id text NOT NULL,
  item_id text NOT NULL,
  worker_ref text NOT NULL,
  user_id text,
  source text NOT NULL DEFAULT 'lease' CHECK (source IN ('lease', 'import')),
  status text NOT NULL CHECK (status IN ('leased', 'submitted', 'skipped', 'expired')),
  answer jsonb,
  is_gold boolean NOT NULL DEFAULT false,
  gold_correct boolean,
  review text NOT NULL DEFAULT 'none' CHECK (review IN ('none', 'pending', 'approved', 'rejected')),
  review_reason text,
  reward_amount bigint,
  leased_at timestamptz NOT NULL,
  expires_at timestamptz,
  submitted_at timestamptz,
  reviewed_at timestamptz,
  UNIQUE (item_id, worker_ref)
);
--> statement-breakpoint
CREATE INDEX task_assignments_active_idx ON task_assignments (batch_id, worker_ref) WHERE status = 'leased';
--> statement-breakpoint
CREATE INDEX task_assignments_item_leased_idx ON task_assignments (item_id, expires_at) WHERE status = 'leased';
--> statement-breakpoint
CREATE INDEX task_assignments_results_idx ON task_assignments (batch_id, item_id) WHERE status = 'submitted';
--> statement-breakpoint
CREATE INDEX task_assignments_review_idx ON task_assignments (batch_id, submitted_at, id) WHERE review = 'pending';
--> statement-breakpoint
CREATE INDEX task_assignments_auto_approve_idx ON task_assignments (submitted_at) WHERE review = 'pending';
--> statement-breakpoint
CREATE INDEX task_assignments_user_idx ON task_assignments (user_id, leased_at DESC, id DESC) WHERE user_id IS NOT NULL;
--> statement-breakpoint
-- Running per-worker counters of a batch (qualification reads them on every lease).
CREATE TABLE task_workers (
  batch_id text NOT NULL,
  worker_ref text NOT NULL,
  user_id text,
  answers integer NOT NULL DEFAULT 0,
  gold_answers integer NOT NULL DEFAULT 0,
  gold_correct integer NOT NULL DEFAULT 0,
  PRIMARY KEY (batch_id, worker_ref)
);
