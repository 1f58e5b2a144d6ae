import { pgTable, text, integer, smallint, primaryKey } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../columns.js';

export const questions = pgTable('questions', {
  id: id(),
  /** Null for a site-wide question. */
  projectId: text('project_id'),
  authorId: text('author_id').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  tags: text('tags').array().notNull().default([]),
  acceptedAnswerId: text('accepted_answer_id'),
  answersCount: integer('answers_count').notNull().default(0),
  /** Up votes minus down votes. */
  score: integer('score').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  // `search` (generated tsvector) is read through SQL only.
});

export const answers = pgTable('answers', {
  id: id(),
  questionId: text('question_id').notNull(),
  /** The question's project, kept here for convenience (null for a site-wide question). */
  projectId: text('project_id'),
  authorId: text('author_id').notNull(),
  body: text('body').notNull(),
  score: integer('score').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const questionVotes = pgTable(
  'question_votes',
  {
    questionId: text('question_id').notNull(),
    userId: text('user_id').notNull(),
    value: smallint('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.userId] })],
);

export const answerVotes = pgTable(
  'answer_votes',
  {
    answerId: text('answer_id').notNull(),
    userId: text('user_id').notNull(),
    value: smallint('value').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.userId] })],
);
