-- Threaded comments on any subject (`type:id`: a project, an update, an idea, a question...).
CREATE TABLE comments (
  id text PRIMARY KEY,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  project_id text REFERENCES projects(id) ON DELETE CASCADE,
  root_id text NOT NULL,
  parent_id text REFERENCES comments(id) ON DELETE CASCADE,
  depth integer NOT NULL DEFAULT 0 CHECK (depth >= 0),
  author_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  body text NOT NULL,
  body_html text NOT NULL,
  hidden boolean NOT NULL DEFAULT false,
  replies_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  edited_at timestamptz
);
--> statement-breakpoint
CREATE INDEX comments_threads_idx ON comments (subject_type, subject_id, created_at, id) WHERE parent_id IS NULL;
--> statement-breakpoint
CREATE INDEX comments_root_idx ON comments (root_id, created_at, id);
--> statement-breakpoint
CREATE INDEX comments_author_idx ON comments (author_id);
