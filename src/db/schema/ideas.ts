import { pgTable, text, integer, boolean, smallint, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt, id, timestamptz, updatedAt } from '../columns.js';

export type ChallengeStatus = 'draft' | 'published';
export const IDEA_STATUSES = ['submitted', 'shortlisted', 'selected', 'implemented', 'rejected'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const challenges = pgTable('challenges', {
  id: id(),
  projectId: text('project_id').notNull(),
  createdBy: text('created_by').notNull(),
  title: text('title').notNull(),
  prompt: text('prompt').notNull().default(''),
  status: text('status').$type<ChallengeStatus>().notNull().default('draft'),
  /** Start of each phase; the challenge is "upcoming" before submissionAt and closed from closedAt. */
  submissionAt: timestamptz('submission_at').notNull(),
  votingAt: timestamptz('voting_at').notNull(),
  reviewAt: timestamptz('review_at').notNull(),
  closedAt: timestamptz('closed_at').notNull(),
  /** Up and down votes a person may cast in the challenge; null for no limit. */
  votesPerPerson: integer('votes_per_person'),
  submissionsDuringVoting: boolean('submissions_during_voting').notNull().default(false),
  publicRanking: boolean('public_ranking').notNull().default(true),
  publishedAt: timestamptz('published_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const ideas = pgTable('ideas', {
  id: id(),
  challengeId: text('challenge_id').notNull(),
  projectId: text('project_id').notNull(),
  authorId: text('author_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  tags: text('tags').array().notNull().default([]),
  status: text('status').$type<IdeaStatus>().notNull().default('submitted'),
  statusNote: text('status_note'),
  statusChangedAt: timestamptz('status_changed_at'),
  mergedIntoId: text('merged_into_id'),
  mergedAt: timestamptz('merged_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const ideaVotes = pgTable(
  'idea_votes',
  {
    ideaId: text('idea_id').notNull(),
    userId: text('user_id').notNull(),
    challengeId: text('challenge_id').notNull(),
    value: smallint('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ideaId, t.userId] })],
);

export const ideaComparisons = pgTable('idea_comparisons', {
  id: id(),
  challengeId: text('challenge_id').notNull(),
  voterId: text('voter_id').notNull(),
  /** With `tie`, the two ideas of the pair, neither preferred. */
  winnerId: text('winner_id').notNull(),
  loserId: text('loser_id').notNull(),
  tie: boolean('tie').notNull().default(false),
  createdAt: createdAt(),
});
