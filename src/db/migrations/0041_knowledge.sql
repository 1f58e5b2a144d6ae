-- Questions and answers: on a project or site-wide (project_id null), with votes, an accepted answer, tags and
-- accent-insensitive search in English and French. Reputation lives in reputation_events (0003).
CREATE TABLE questions (
  id text PRIMARY KEY,
  project_id text REFERENCES projects(id) ON DELETE CASCADE,
  author_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  tags text[] NOT NULL DEFAULT '{}',
  accepted_answer_id text,
  answers_count integer NOT NULL DEFAULT 0 CHECK (answers_count >= 0),
  score integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('french', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', foule_fold(coalesce(title, ''))), 'A') ||
    setweight(to_tsvector('english', coalesce(body, '')), 'B') ||
    setweight(to_tsvector('french', coalesce(body, '')), 'B') ||
    setweight(to_tsvector('english', foule_fold(coalesce(body, ''))), 'B')
  ) STORED
);
--> statement-breakpoint
CREATE INDEX questions_search_idx ON questions USING gin (search);
--> statement-breakpoint
CREATE INDEX questions_tags_idx ON questions USING gin (tags);
--> statement-breakpoint
CREATE INDEX questions_project_idx ON questions (project_id, created_at DESC, id DESC);
--> statement-breakpoint
CREATE INDEX questions_new_idx ON questions (created_at DESC, id DESC);
--> statement-breakpoint
CREATE INDEX questions_author_idx ON questions (author_id);
--> statement-breakpoint
CREATE TABLE answers (
  id text PRIMARY KEY,
  question_id text NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  project_id text REFERENCES projects(id) ON DELETE CASCADE,
  author_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  body text NOT NULL,
  score integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX answers_question_idx ON answers (question_id, created_at, id);
--> statement-breakpoint
CREATE INDEX answers_author_idx ON answers (author_id);
--> statement-breakpoint
ALTER TABLE questions ADD CONSTRAINT questions_accepted_answer_fk FOREIGN KEY (accepted_answer_id) REFERENCES answers(id) ON DELETE SET NULL;
--> statement-breakpoint
CREATE TABLE question_votes (
  question_id text NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  value smallint NOT NULL CHECK (value IN (-1, 1)),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (question_id, user_id)
);
--> statement-breakpoint
CREATE TABLE answer_votes (
  answer_id text NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  value smallint NOT NULL CHECK (value IN (-1, 1)),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (answer_id, user_id)
);
