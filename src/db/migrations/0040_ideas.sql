-- Idea challenges: a prompt with phases and rules, ideas with up/down votes within a budget, stage-gate statuses,
-- merging of duplicates, and pairwise "which is better?" comparisons ranked by a Bradley–Terry model.
CREATE TABLE challenges (
  id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  created_by text NOT NULL REFERENCES users(id),
  title text NOT NULL,
  prompt text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  submission_at timestamptz NOT NULL,
  voting_at timestamptz NOT NULL,
  review_at timestamptz NOT NULL,
  closed_at timestamptz NOT NULL,
  votes_per_person integer CHECK (votes_per_person >= 0),
  submissions_during_voting boolean NOT NULL DEFAULT false,
  public_ranking boolean NOT NULL DEFAULT true,
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT challenges_phases_order CHECK (submission_at <= voting_at AND voting_at <= review_at AND review_at <= closed_at)
);
--> statement-breakpoint
CREATE INDEX challenges_project_idx ON challenges (project_id, created_at DESC, id DESC);
--> statement-breakpoint
CREATE TABLE ideas (
  id text PRIMARY KEY,
  challenge_id text NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
  project_id text NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  author_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  tags text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'shortlisted', 'selected', 'implemented', 'rejected')),
  status_note text,
  status_changed_at timestamptz,
  merged_into_id text REFERENCES ideas(id) ON DELETE SET NULL,
  merged_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ideas_not_merged_into_self CHECK (merged_into_id IS NULL OR merged_into_id <> id)
);
--> statement-breakpoint
CREATE INDEX ideas_challenge_idx ON ideas (challenge_id, created_at DESC, id DESC);
--> statement-breakpoint
CREATE INDEX ideas_tags_idx ON ideas USING gin (tags);
--> statement-breakpoint
CREATE INDEX ideas_author_idx ON ideas (author_id);
--> statement-breakpoint
CREATE TABLE idea_votes (
  idea_id text NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  challenge_id text NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
  value smallint NOT NULL CHECK (value IN (-1, 1)),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (idea_id, user_id)
);
--> statement-breakpoint
CREATE INDEX idea_votes_budget_idx ON idea_votes (challenge_id, user_id);
--> statement-breakpoint
CREATE TABLE idea_comparisons (
  id text PRIMARY KEY,
  challenge_id text NOT NULL REFERENCES challenges(id) ON DELETE CASCADE,
  voter_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  winner_id text NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  loser_id text NOT NULL REFERENCES ideas(id) ON DELETE CASCADE,
  tie boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT idea_comparisons_two_ideas CHECK (winner_id <> loser_id)
);
--> statement-breakpoint
CREATE INDEX idea_comparisons_challenge_idx ON idea_comparisons (challenge_id);
--> statement-breakpoint
CREATE INDEX idea_comparisons_voter_idx ON idea_comparisons (challenge_id, voter_id);
