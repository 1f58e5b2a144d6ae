import { pgTable, text, boolean, integer, smallint, doublePrecision, jsonb, primaryKey } from 'drizzle-orm/pg-core';
import { bigNumber, createdAt, currency, id, timestamptz, updatedAt } from '../columns.js';

export type SurveyStatus = 'draft' | 'open' | 'closed';
export type QuestionKind = 'single' | 'multiple' | 'scale' | 'nps' | 'number' | 'text' | 'ranking' | 'price';

export const surveys = pgTable('surveys', {
  id: id(),
  projectId: text('project_id').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  status: text('status').$type<SurveyStatus>().notNull().default('draft'),
  anonymous: boolean('anonymous').notNull().default(false),
  resultsPublic: boolean('results_public').notNull().default(false),
  createdBy: text('created_by').notNull(),
  openedAt: timestamptz('opened_at'),
  closedAt: timestamptz('closed_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const surveyQuestions = pgTable('survey_questions', {
  id: id(),
  seq: bigNumber('seq').generatedAlwaysAsIdentity().notNull(),
  surveyId: text('survey_id').notNull(),
  position: integer('position').notNull(),
  kind: text('kind').$type<QuestionKind>().notNull(),
  prompt: text('prompt').notNull(),
  options: jsonb('options').$type<string[]>().notNull().default([]),
  required: boolean('required').notNull().default(false),
  min: doublePrecision('min'),
  max: doublePrecision('max'),
  scale: smallint('scale'),
  currency: currency(),
  intent: boolean('intent').notNull().default(false),
});

export const surveyResponses = pgTable('survey_responses', {
  id: id(),
  seq: bigNumber('seq').generatedAlwaysAsIdentity().notNull(),
  surveyId: text('survey_id').notNull(),
  userId: text('user_id'),
  respondentHash: text('respondent_hash'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    questionSeq: bigNumber('question_seq').notNull(),
    responseSeq: bigNumber('response_seq').notNull(),
    item: smallint('item').notNull().default(0),
    num: doublePrecision('num').notNull().default(0),
    textValue: text('text_value'),
  },
  (t) => [primaryKey({ columns: [t.questionSeq, t.responseSeq, t.item] })],
);

export const surveyTallies = pgTable(
  'survey_tallies',
  {
    questionSeq: bigNumber('question_seq').notNull(),
    item: smallint('item').notNull(),
    num: doublePrecision('num').notNull(),
    shard: smallint('shard').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionSeq, t.item, t.num, t.shard] })],
);

export const surveyResponseCounts = pgTable(
  'survey_response_counts',
  {
    surveyId: text('survey_id').notNull(),
    shard: smallint('shard').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.shard] })],
);
