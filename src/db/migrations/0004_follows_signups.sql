-- A project's audience: people who follow it and people who asked to be told at launch.
CREATE TABLE project_follows (
  project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, user_id)
);
--> statement-breakpoint
CREATE INDEX project_follows_user_idx ON project_follows (user_id);
--> statement-breakpoint
CREATE TABLE project_signups (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  user_id text REFERENCES users(id) ON DELETE CASCADE,
  email text NOT NULL,
  locale text NOT NULL DEFAULT 'en',
  notified_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX project_signups_email_key ON project_signups (project_id, lower(email));
