-- Surveys and polls: questions, one response per person (or per anonymous browser), answers stored in typed
-- columns so results aggregate in SQL, and running tallies so the "everyone" results read a few hundred rows.
CREATE TABLE surveys (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  anonymous boolean NOT NULL DEFAULT false,
  results_public boolean NOT NULL DEFAULT false,
  created_by text NOT NULL REFERENCES users(id),
  opened_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX surveys_project_idx ON surveys (project_id, created_at DESC, id DESC);
--> statement-breakpoint
-- seq is an internal compact key: answer rows carry it instead of the text id, which keeps them narrow.
CREATE TABLE survey_questions (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  survey_id text NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('single', 'multiple', 'scale', 'nps', 'number', 'text', 'ranking', 'price')),
  prompt text NOT NULL,
  options jsonb NOT NULL DEFAULT '[]'::jsonb,
  required boolean NOT NULL DEFAULT false,
  min double precision,
  max double precision,
  scale smallint,
  currency char(3),
  UNIQUE (survey_id, position)
);
--> statement-breakpoint
CREATE TABLE survey_responses (
  id text PRIMARY KEY,
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  survey_id text NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
  user_id text REFERENCES users(id),
  respondent_hash text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (user_id IS NOT NULL OR respondent_hash IS NOT NULL)
);
--> statement-breakpoint
-- One response per account, and one per anonymous respondent cookie.
CREATE UNIQUE INDEX survey_responses_user_key ON survey_responses (survey_id, user_id) WHERE user_id IS NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX survey_responses_respondent_key ON survey_responses (survey_id, respondent_hash) WHERE respondent_hash IS NOT NULL;
--> statement-breakpoint
CREATE INDEX survey_responses_survey_idx ON survey_responses (survey_id, seq);
--> statement-breakpoint
-- One row per answer (several for ranking and price answers). item: option index (single), option (ranking),
-- part 0–3 (price); num: value (scale, nps, number), bit mask of chosen options (multiple), position (ranking),
-- amount (price); text_value: free text.
CREATE TABLE survey_answers (
  question_seq bigint NOT NULL REFERENCES survey_questions(seq) ON DELETE CASCADE,
  response_seq bigint NOT NULL REFERENCES survey_responses(seq) ON DELETE CASCADE,
  item smallint NOT NULL DEFAULT 0,
  num double precision NOT NULL DEFAULT 0,
  text_value text,
  PRIMARY KEY (question_seq, response_seq, item)
);
--> statement-breakpoint
CREATE INDEX survey_answers_value_idx ON survey_answers (question_seq, item, num);
--> statement-breakpoint
CREATE INDEX survey_answers_response_idx ON survey_answers (response_seq);
--> statement-breakpoint
-- Running counts of answers by (question, item, num), kept in the same transaction as the answers (number
-- questions excluded: their medians need the raw values). Four shards spread concurrent increments.
CREATE TABLE survey_tallies (
  question_seq bigint NOT NULL REFERENCES survey_questions(seq) ON DELETE CASCADE,
  item smallint NOT NULL,
  num double precision NOT NULL,
  shard smallint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (question_seq, item, num, shard)
);
