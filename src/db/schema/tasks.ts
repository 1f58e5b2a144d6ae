import { pgTable, text, integer, boolean, jsonb, doublePrecision, primaryKey } from 'drizzle-orm/pg-core';
import { bigNumber, createdAt, currency, id, jsonData, timestamptz, updatedAt, amountAndCurrency } from '../columns.js';
import { sql } from 'drizzle-orm';

export type BatchStatus = 'draft' | 'published' | 'paused' | 'closed';
export type AnswerKind = 'label' | 'labels' | 'number' | 'text';
export type AssignmentStatus = 'leased' | 'submitted' | 'skipped' | 'expired';
export type ReviewState = 'none' | 'pending' | 'approved' | 'rejected';
/** An answer as stored: a label, a sorted list of labels, a number or a text. */
export type TaskAnswer = string | string[] | number;

export const taskBatches = pgTable('task_batches', {
  id: id(),
  projectId: text('project_id').notNull(),
  title: text('title').notNull(),
  instructions: text('instructions').notNull().default(''),
  answerKind: text('answer_kind').$type<AnswerKind>().notNull(),
  labels: jsonb('labels').$type<string[]>().notNull().default([]),
  minOverlap: integer('min_overlap').notNull(),
  maxOverlap: integer('max_overlap').notNull(),
  confidence: doublePrecision('confidence'),
  rewardAmount: bigNumber('reward_amount'),
  currency: currency(),
  goldRate: doublePrecision('gold_rate').notNull().default(0),
  minGoldAccuracy: doublePrecision('min_gold_accuracy'),
  minGoldAnswers: integer('min_gold_answers'),
  leaseSeconds: integer('lease_seconds').notNull().default(600),
  autoApproveHours: integer('auto_approve_hours').notNull().default(72),
  status: text('status').$type<BatchStatus>().notNull().default('draft'),
  itemsCount: integer('items_count').notNull().default(0),
  goldCount: integer('gold_count').notNull().default(0),
  fundedAmount: bigNumber('funded_amount').notNull().default(0),
  createdBy: text('created_by').notNull(),
  publishedAt: timestamptz('published_at'),
  closedAt: timestamptz('closed_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const taskItems = pgTable('task_items', {
  id: id(),
  seq: bigNumber('seq').generatedAlwaysAsIdentity().notNull(),
  batchId: text('batch_id').notNull(),
  externalId: text('external_id'),
  data: jsonData(),
  gold: jsonb('gold').$type<TaskAnswer>(),
  isGold: boolean('is_gold').notNull().default(false),
  wanted: integer('wanted').notNull(),
  answersCount: integer('answers_count').notNull().default(0),
  leasedCount: integer('leased_count').notNull().default(0),
  /** Whether the item can take a lease now; computed by the database (see migration 0032). */
  open: boolean('open').generatedAlwaysAs(sql`answers_count + leased_count < wanted`),
});

export const taskAssignments = pgTable('task_assignments', {
  id: id(),
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
  rewardAmount: bigNumber('reward_amount'),
  leasedAt: timestamptz('leased_at').notNull(),
  expiresAt: timestamptz('expires_at'),
  submittedAt: timestamptz('submitted_at'),
  reviewedAt: timestamptz('reviewed_at'),
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
  id: id(),
  batchId: text('batch_id').notNull(),
  userId: text('user_id').notNull(),
  ...amountAndCurrency(),
  reason: text('reason').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});
