-- Bonuses a host pays a batch's workers on top of the reward (funded by the host when given).
CREATE TABLE task_bonuses (
  id text PRIMARY KEY,
  batch_id text NOT NULL REFERENCES task_batches(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id),
  amount bigint NOT NULL CHECK (amount > 0),
  currency char(3) NOT NULL,
  reason text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX task_bonuses_batch_idx ON task_bonuses (batch_id, user_id);
--> statement-breakpoint
CREATE INDEX task_bonuses_user_idx ON task_bonuses (user_id, created_at DESC);
