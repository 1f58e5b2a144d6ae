-- Moderation: reports from the crowd, and a log of what operators hid and showed again.
CREATE TABLE moderation_reports (
  id text PRIMARY KEY,
  subject_type text NOT NULL CHECK (subject_type IN ('comment', 'project')),
  subject_id text NOT NULL,
  reporter_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution text CHECK (resolution IN ('hidden', 'dismissed')),
  note text,
  resolved_by text REFERENCES users(id) ON DELETE SET NULL,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE UNIQUE INDEX moderation_reports_open_key ON moderation_reports (subject_type, subject_id, reporter_id) WHERE status = 'open';
--> statement-breakpoint
CREATE INDEX moderation_reports_queue_idx ON moderation_reports (status, created_at, id);
--> statement-breakpoint
CREATE INDEX moderation_reports_subject_idx ON moderation_reports (subject_type, subject_id);
--> statement-breakpoint
CREATE TABLE moderation_actions (
  id text PRIMARY KEY,
  subject_type text NOT NULL CHECK (subject_type IN ('comment', 'project')),
  subject_id text NOT NULL,
  action text NOT NULL CHECK (action IN ('hide', 'unhide')),
  operator_id text REFERENCES users(id) ON DELETE SET NULL,
  reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX moderation_actions_subject_idx ON moderation_actions (subject_type, subject_id, created_at);
