-- Organizations, their members, and projects (the home of every call to the crowd).
CREATE TABLE orgs (
  id text PRIMARY KEY,
  name text NOT NULL,
  slug text NOT NULL UNIQUE,
  description text NOT NULL DEFAULT '',
  website text,
  created_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE org_members (
  org_id text NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, user_id)
);
--> statement-breakpoint
CREATE INDEX org_members_user_idx ON org_members (user_id);
--> statement-breakpoint
CREATE TABLE projects (
  id text PRIMARY KEY,
  slug text NOT NULL UNIQUE,
  owner_id text NOT NULL REFERENCES users(id),
  org_id text REFERENCES orgs(id),
  title text NOT NULL,
  summary text NOT NULL,
  description text NOT NULL DEFAULT '',
  category text NOT NULL,
  cover_image_url text,
  hidden boolean NOT NULL DEFAULT false,
  followers_count integer NOT NULL DEFAULT 0,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('french', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('french', coalesce(summary, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'C') ||
    setweight(to_tsvector('french', coalesce(description, '')), 'C')
  ) STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX projects_search_idx ON projects USING gin (search);
--> statement-breakpoint
CREATE INDEX projects_category_idx ON projects (category, created_at DESC);
--> statement-breakpoint
CREATE INDEX projects_owner_idx ON projects (owner_id);
--> statement-breakpoint
CREATE INDEX projects_org_idx ON projects (org_id);
