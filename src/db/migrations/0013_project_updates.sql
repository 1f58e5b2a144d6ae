-- Project updates: announcements from a project's hosts to its followers.
CREATE TABLE project_updates (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  author_id text NOT NULL REFERENCES users(id),
  title text NOT NULL,
  body text NOT NULL,
  body_html text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  edited_at timestamptz
);
--> statement-breakpoint
CREATE INDEX project_updates_project_idx ON project_updates (project_id, created_at DESC, id DESC);
