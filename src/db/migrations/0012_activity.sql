-- A project's activity feed: follows, comments, updates, and what other modules add (launch, pledges, ideas...).
CREATE TABLE project_activity (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  kind text NOT NULL,
  actor_id text REFERENCES users(id) ON DELETE SET NULL,
  subject text,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  hidden boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX project_activity_feed_idx ON project_activity (project_id, created_at DESC, id DESC);
--> statement-breakpoint
CREATE INDEX project_activity_subject_idx ON project_activity (subject);
