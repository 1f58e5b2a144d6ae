// Request and response shapes of the micro-tasks API (they also document it in the OpenAPI document).
import { z } from 'zod';

export const ANSWER_KINDS = ['label', 'labels', 'number', 'text'] as const;

export const ZAnswerSpec = z
  .object({
    kind: z.enum(ANSWER_KINDS),
    labels: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  })
  .superRefine((a, issue) => {
    if (a.kind === 'label' || a.kind === 'labels') {
      if (!a.labels || a.labels.length < 2)
        issue.addIssue({ code: 'custom', path: ['labels'], message: `needs at least two labels for kind ${a.kind}` });
      else if (new Set(a.labels).size !== a.labels.length)
        issue.addIssue({ code: 'custom', path: ['labels'], message: 'labels must be distinct' });
    } else if (a.labels?.length) {
      issue.addIssue({ code: 'custom', path: ['labels'], message: `kind ${a.kind} takes no labels` });
    }
  });

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

/** A batch just closed, with what returned to the host balance. */
export const ZClosedBatch = ZBatch.extend({ returned: z.number() });

export const ZBatchListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

export const ZUploadAnswer = z.object({ inserted: z.number(), total: z.number() });
export const ZImportAnswer = z.object({ imported: z.number(), workers: z.number() });

export const ZLease = z.object({
  id: z.string(),
  item: z.object({ id: z.string(), data: z.record(z.string(), z.unknown()) }),
  batch: z.object({
    id: z.string(),
    title: z.string(),
    instructionsHtml: z.string(),
    answer: ZAnswerSpecOut,
    reward: z.object({ amount: z.number(), currency: z.string() }).nullable(),
  }),
  expiresAt: z.string(),
  progress: z.object({ done: z.number(), total: z.number() }),
});

export const ZSubmitAnswer = z.object({
  id: z.string(),
  status: z.enum(['submitted', 'skipped']),
  gold: z.object({ correct: z.boolean(), expected: z.unknown() }).optional(),
});

export const ZReviewAnswer = z.object({ id: z.string(), review: z.enum(['approved', 'rejected']), paid: z.number() });

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

// Results, workers and review (hosts), and a worker's own earnings.
export const ZMethodQuery = z.object({ method: z.enum(['mv', 'wmv', 'ds', 'glad', 'mme', 'mean', 'median', 'robust']).optional() });
export const ZResultsQuery = ZMethodQuery.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(20).optional(),
});
export const ZResultItem = z.object({
  itemId: z.string(),
  externalId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  answer: z.unknown(),
  confidence: z.number().nullable(),
  stdError: z.number().nullable(),
  answers: z.number().describe('How many answers the item has.'),
  answersCount: z.number().describe('Same as answers (kept for older clients).'),
  gold: z.boolean(),
  votes: z
    .array(z.object({ workerId: z.string(), answer: z.unknown() }))
    .describe('The answers behind the result: worker id (or imported worker ref) and answer.'),
});
export const ZBatchResults = z.object({
  method: z.string(),
  methods: z.array(z.string()),
  answerKind: z.string(),
  totalItems: z.number(),
  answeredItems: z.number(),
  items: z.array(ZResultItem),
  nextCursor: z.string().nullable(),
});
export const ZBatchWorkers = z.object({
  method: z.string(),
  labels: z.array(z.string()),
  items: z.array(
    z.object({
      workerId: z.string(),
      name: z.string().nullable(),
      imported: z.boolean(),
      answers: z.number(),
      goldAnswers: z.number(),
      goldAccuracy: z.number().nullable(),
      quality: z.number().nullable(),
      confusion: z.array(z.array(z.number())).nullable(),
      approved: z.number(),
      rejected: z.number(),
      pending: z.number(),
      earnings: z.object({ amount: z.number(), currency: z.string() }).nullable(),
    }),
  ),
});
export const ZReviewQueueQuery = z.object({
  review: z.enum(['pending', 'approved', 'rejected']).default('pending'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});
const ZAmounts = z.array(z.object({ amount: z.number(), currency: z.string() }));
export const ZTaskEarnings = z.object({
  balances: ZAmounts,
  pending: ZAmounts,
  bonuses: ZAmounts,
  answers: z.object({ submitted: z.number(), approved: z.number(), rejected: z.number() }),
});
