import { pgTable, text, timestamp, integer, boolean, smallint, primaryKey } from 'drizzle-orm/pg-core';

export type ChallengeStatus = 'draft' | 'published';
export const IDEA_STATUSES = ['submitted', 'shortlisted', 'selected', 'implemented', 'rejected'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const challenges = pgTable('challenges', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  createdBy: text('created_by').notNull(),
  title: text('title').notNull(),
  prompt: text('prompt').notNull().default(''),
  status: text('status').$type<ChallengeStatus>().notNull().default('draft'),
  /** Start of each phase; the challenge is "upcoming" before submissionAt and closed from closedAt. */
  submissionAt: timestamp('submission_at', { withTimezone: true }).notNull(),
  votingAt: timestamp('voting_at', { withTimezone: true }).notNull(),
  reviewAt: timestamp('review_at', { withTimezone: true }).notNull(),
  closedAt: timestamp('closed_at', { withTimezone: true }).notNull(),
  /** Up and down votes a person may cast in the challenge; null for no limit. */
  votesPerPerson: integer('votes_per_person'),
  submissionsDuringVoting: boolean('submissions_during_voting').notNull().default(false),
  publicRanking: boolean('public_ranking').notNull().default(true),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ideas = pgTable('ideas', {
  id: text('id').primaryKey(),
  challengeId: text('challenge_id').notNull(),
  projectId: text('project_id').notNull(),
  authorId: text('author_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  tags: text('tags').array().notNull().default([]),
  status: text('status').$type<IdeaStatus>().notNull().default('submitted'),
  statusNote: text('status_note'),
  statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  mergedIntoId: text('merged_into_id'),
  mergedAt: timestamp('merged_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const ideaVotes = pgTable(
  'idea_votes',
  {
    ideaId: text('idea_id').notNull(),
    userId: text('user_id').notNull(),
    challengeId: text('challenge_id').notNull(),
    value: smallint('value').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.userId] })],
);

export const ideaComparisons = pgTable('idea_comparisons', {
  id: text('id').primaryKey(),
  challengeId: text('challenge_id').notNull(),
  voterId: text('voter_id').notNull(),
  /** With `tie`, the two ideas of the pair, neither preferred. */
  winnerId: text('winner_id').notNull(),
  loserId: text('loser_id').notNull(),
  tie: boolean('tie').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
