import { pgTable, text, timestamp, integer, bigint, boolean, char, jsonb, doublePrecision, primaryKey } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export type BatchStatus = 'draft' | 'published' | 'paused' | 'closed';
export type AnswerKind = 'label' | 'labels' | 'number' | 'text';
export type AssignmentStatus = 'leased' | 'submitted' | 'skipped' | 'expired';
export type ReviewState = 'none' | 'pending' | 'approved' | 'rejected';
/** An answer as stored: a label, a sorted list of labels, a number or a text. */
export type TaskAnswer = string | string[] | number;

export const taskBatches = pgTable('task_batches', {
  id: text('id').primaryKey(),
  projectId: text('project_id').notNull(),
  title: text('title').notNull(),
  instructions: text('instructions').notNull().default(''),
  answerKind: text('answer_kind').$type<AnswerKind>().notNull(),
  labels: jsonb('labels').$type<string[]>().notNull().default([]),
  minOverlap: integer('min_overlap').notNull(),
  maxOverlap: integer('max_overlap').notNull(),
  confidence: doublePrecision('confidence'),
  rewardAmount: bigint('reward_amount', { mode: 'number' }),
  currency: char('currency', { length: 3 }),
  goldRate: doublePrecision('gold_rate').notNull().default(0),
  minGoldAccuracy: doublePrecision('min_gold_accuracy'),
  minGoldAnswers: integer('min_gold_answers'),
  leaseSeconds: integer('lease_seconds').notNull().default(600),
  autoApproveHours: integer('auto_approve_hours').notNull().default(72),
  status: text('status').$type<BatchStatus>().notNull().default('draft'),
  itemsCount: integer('items_count').notNull().default(0),
  goldCount: integer('gold_count').notNull().default(0),
  fundedAmount: bigint('funded_amount', { mode: 'number' }).notNull().default(0),
  createdBy: text('created_by').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const taskItems = pgTable('task_items', {
  id: text('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  batchId: text('batch_id').notNull(),
  externalId: text('external_id'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  gold: jsonb('gold').$type<TaskAnswer>(),
  isGold: boolean('is_gold').notNull().default(false),
  wanted: integer('wanted').notNull(),
  answersCount: integer('answers_count').notNull().default(0),
  leasedCount: integer('leased_count').notNull().default(0),
  /** Whether the item can take a lease now; computed by the database (see migration 0032). */
  open: boolean('open').generatedAlwaysAs(sql`answers_count + leased_count < wanted`),
});

export const taskAssignments = pgTable('task_assignments', {
  id: text('id').primaryKey(),
  batchId: text('batch_id').notNull(),
  itemId: text('item_id').notNull(),
  workerRef: text('worker_ref').notNull(),
  userId: text('user_id'),
  source: text('source').$type<'lease' | 'import'>().notNull().default('lease'),
  status: text('status').$type<AssignmentStatus>().notNull(),
  answer: jsonb('answer').$type<TaskAnswer>(),
  isGold: boolean('is_gold').notNull().default(false),
  goldCorrect: boolean('gold_correct'),
  review: text('review').$type<ReviewState>().notNull().default('none'),
  reviewReason: text('review_reason'),
  rewardAmount: bigint('reward_amount', { mode: 'number' }),
  leasedAt: timestamp('leased_at', { withTimezone: true }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
});

export const taskWorkers = pgTable(
  'task_workers',
  {
    batchId: text('batch_id').notNull(),
    workerRef: text('worker_ref').notNull(),
    userId: text('user_id'),
    answers: integer('answers').notNull().default(0),
    goldAnswers: integer('gold_answers').notNull().default(0),
    goldCorrect: integer('gold_correct').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.workerRef] })],
);

export const taskBonuses = pgTable('task_bonuses', {
  id: text('id').primaryKey(),
  batchId: text('batch_id').notNull(),
  userId: text('user_id').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  currency: char('currency', { length: 3 }).notNull(),
  reason: text('reason').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
