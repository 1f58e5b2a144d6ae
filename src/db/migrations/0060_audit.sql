-- The audit log: every administrative and money action, who did it, from where, and on what. Append-only like
-- the ledger: a trigger refuses UPDATE and DELETE (and TRUNCATE), so a record exists iff its action committed
-- and nobody rewrites history afterwards. actor_id is no foreign key on purpose: an erased account keeps its
-- trail (as an id nobody can resolve any more).
CREATE TABLE audit_log (
  id text PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id text,
  actor_role text NOT NULL CHECK (actor_role IN ('member', 'operator', 'system')),
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text NOT NULL,
  org_id text,
  project_id text,
  summary text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip text,
  request_id text
);
--> statement-breakpoint
CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC);
--> statement-breakpoint
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC, id DESC);
--> statement-breakpoint
CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, at DESC, id DESC);
--> statement-breakpoint
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC, id DESC);
--> statement-breakpoint
CREATE INDEX audit_log_org_idx ON audit_log (org_id, at DESC, id DESC) WHERE org_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX audit_log_project_idx ON audit_log (project_id, at DESC, id DESC) WHERE project_id IS NOT NULL;
--> statement-breakpoint
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
