-- Rate-limit counters shared by every server process on one PostgreSQL server (the embedded database counts in
-- process). Unlogged: a counter lost in a crash only gives an attacker a fresh window, and writes skip the WAL.
CREATE UNLOGGED TABLE rate_limit_hits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  reset_at timestamptz NOT NULL
);
--> statement-breakpoint
CREATE INDEX rate_limit_hits_reset_idx ON rate_limit_hits (reset_at);
