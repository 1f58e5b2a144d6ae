import {
  pgTable,
  text,
  timestamp,
  boolean,
  integer,
  bigint,
  smallint,
  doublePrecision,
  jsonb,
  char,
  primaryKey,
} from 'drizzle-orm/pg-core';

export type SurveyStatus = 'draft' | 'open' | 'closed';
export type QuestionKind = 'single' | 'multiple' | 'scale' | 'nps' | 'number' | 'text' | 'ranking' | 'price';

export const surveys = pgTable('surveys', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  status: text('status').$type<SurveyStatus>().notNull().default('draft'),
  anonymous: boolean('anonymous').notNull().default(false),
  resultsPublic: boolean('results_public').notNull().default(false),
  createdBy: text('created_by').notNull(),
  openedAt: timestamp('opened_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const surveyQuestions = pgTable('survey_questions', {
  id: text('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  surveyId: text('survey_id').notNull(),
  position: integer('position').notNull(),
  kind: text('kind').$type<QuestionKind>().notNull(),
  prompt: text('prompt').notNull(),
  options: jsonb('options').$type<string[]>().notNull().default([]),
  required: boolean('required').notNull().default(false),
  min: doublePrecision('min'),
  max: doublePrecision('max'),
  scale: smallint('scale'),
  currency: char('currency', { length: 3 }),
  intent: boolean('intent').notNull().default(false),
});

export const surveyResponses = pgTable('survey_responses', {
  id: text('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  surveyId: text('survey_id').notNull(),
  userId: text('user_id'),
  respondentHash: text('respondent_hash'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    questionSeq: bigint('question_seq', { mode: 'number' }).notNull(),
    responseSeq: bigint('response_seq', { mode: 'number' }).notNull(),
    item: smallint('item').notNull().default(0),
    num: doublePrecision('num').notNull().default(0),
    textValue: text('text_value'),
  },
  (t) => [primaryKey({ columns: [t.questionSeq, t.responseSeq, t.item] })],
);

export const surveyTallies = pgTable(
  'survey_tallies',
  {
    questionSeq: bigint('question_seq', { mode: 'number' }).notNull(),
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
