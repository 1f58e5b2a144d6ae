// Request and response shapes of the micro-tasks API (they also document it in the OpenAPI document).
import { z } from 'zod';
import { ZCurrency } from '../../http/schemas.js';

export const ANSWER_KINDS = ['label', 'labels', 'number', 'text'] as const;

export const ZAnswerSpec = z
  .object({
    kind: z.enum(ANSWER_KINDS),
    labels: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  })
  .superRefine((a, issue) => {
    if (a.kind === 'label' || a.kind === 'labels') {
      if (!a.labels || a.labels.length < 2) issue.addIssue({ code: 'custom', path: ['labels'], message: `needs at least two labels for kind ${a.kind}` });
      else if (new Set(a.labels).size !== a.labels.length) issue.addIssue({ code: 'custom', path: ['labels'], message: 'labels must be distinct' });
    } else if (a.labels?.length) {
      issue.addIssue({ code: 'custom', path: ['labels'], message: `kind ${a.kind} takes no labels` });
    }
  });

export const ZCreateBatchRequest = z
  .object({
    title: z.string().trim().min(1, 'is required').max(200),
    instructions: z.string().max(50_000).default('').describe('Markdown, shown to workers beside each item.'),
    answer: ZAnswerSpec,
    overlap: z.number().int().min(1).max(100).optional().describe('A fixed number of answers per item.'),
    dynamic: z
      .object({
        minOverlap: z.number().int().min(1).max(100),
        maxOverlap: z.number().int().min(1).max(100),
        confidence: z.number().gt(0).max(1).describe('Stop asking once the leading answer has this share of the answers.'),
      })
      .refine((d) => d.maxOverlap >= d.minOverlap, { path: ['maxOverlap'], message: 'must be at least minOverlap' })
      .optional()
      .describe('Ask minOverlap workers, then more (up to maxOverlap) until the leading answer reaches the confidence share.'),
    reward: z
      .object({ amount: z.number().int().min(1).max(100_000_00), currency: ZCurrency })
      .optional()
      .describe('Paid per approved answer, through the ledger; none for volunteer work.'),
    goldRate: z.number().min(0).max(1).default(0).describe('Share of leases that serve gold (control) items.'),
    qualification: z
      .object({ minGoldAccuracy: z.number().min(0).max(1), minGoldAnswers: z.number().int().min(1).max(10_000) })
      .optional(),
    leaseSeconds: z.number().int().min(10).max(7 * 86400).default(600),
    autoApproveHours: z.number().int().min(1).max(90 * 24).default(72),
  })
  .superRefine((b, issue) => {
    if ((b.overlap === undefined) === (b.dynamic === undefined)) {
      issue.addIssue({ code: 'custom', path: ['overlap'], message: 'give either overlap or dynamic (one of the two)' });
    }
  });
export type CreateBatchInput = z.infer<typeof ZCreateBatchRequest>;

export const ZAnswerSpecOut = z.object({ kind: z.enum(ANSWER_KINDS), labels: z.array(z.string()) });

export const ZBatch = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  instructions: z.string(),
  instructionsHtml: z.string(),
  answer: ZAnswerSpecOut,
  overlap: z.number().nullable(),
  dynamic: z.object({ minOverlap: z.number(), maxOverlap: z.number(), confidence: z.number() }).nullable(),
  reward: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  goldRate: z.number(),
  qualification: z.object({ minGoldAccuracy: z.number(), minGoldAnswers: z.number() }).nullable(),
  leaseSeconds: z.number(),
  autoApproveHours: z.number(),
  status: z.enum(['draft', 'published', 'paused', 'closed']),
  itemsCount: z.number(),
  goldCount: z.number(),
  budget: z.object({ funded: z.number(), currency: z.string() }).nullable(),
  isHost: z.boolean(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

export const ZBatchListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

export const ZUploadAnswer = z.object({ inserted: z.number(), total: z.number() });
export const ZImportAnswer = z.object({ imported: z.number(), workers: z.number() });

export const ZLease = z.object({
  id: z.string(),
  item: z.object({ id: z.string(), data: z.record(z.string(), z.unknown()) }),
  batch: z.object({ id: z.string(), title: z.string(), instructionsHtml: z.string(), answer: ZAnswerSpecOut, reward: z.object({ amount: z.number(), currency: z.string() }).nullable() }),
  expiresAt: z.string(),
  progress: z.object({ done: z.number(), total: z.number() }),
});

export const ZSubmitRequest = z.object({
  answer: z
    .unknown()
    .describe('By kind: label → one of the labels; labels → a list of labels; number → a finite number; text → a non-empty string.'),
});

export const ZSubmitAnswer = z.object({
  id: z.string(),
  status: z.enum(['submitted', 'skipped']),
  gold: z.object({ correct: z.boolean(), expected: z.unknown() }).optional(),
});

export const ZReviewRequest = z
  .object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(1000).optional() })
  .superRefine((r, issue) => {
    if (r.decision === 'reject' && !r.reason) issue.addIssue({ code: 'custom', path: ['reason'], message: 'a rejection needs a reason (the worker sees it)' });
  });

export const ZReviewAnswer = z.object({ id: z.string(), review: z.enum(['approved', 'rejected']), paid: z.number() });

export const ZBonusRequest = z.object({
  workerId: z.string().min(1).max(100),
  amount: z.number().int().min(1).max(100_000_00),
  reason: z.string().trim().min(1, 'is required').max(1000),
});
export const ZBonusAnswer = z.object({ id: z.string(), workerId: z.string(), amount: z.number(), currency: z.string() });

export const ZReviewQueueItem = z.object({
  id: z.string(),
  itemId: z.string(),
  externalId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  workerId: z.string().nullable(),
  workerName: z.string().nullable(),
  answer: z.unknown(),
  isGold: z.boolean(),
  goldCorrect: z.boolean().nullable(),
  submittedAt: z.string().nullable(),
});

export const ZMyAssignment = z.object({
  id: z.string(),
  batch: z.object({ id: z.string(), title: z.string(), projectId: z.string() }),
  item: z.object({ id: z.string(), externalId: z.string().nullable(), data: z.record(z.string(), z.unknown()) }),
  answer: z.unknown(),
  status: z.enum(['leased', 'submitted', 'skipped', 'expired']),
  review: z.enum(['none', 'pending', 'approved', 'rejected']),
  reviewReason: z.string().nullable(),
  pay: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
  leasedAt: z.string(),
});
