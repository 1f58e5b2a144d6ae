// Creating a draft batch.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { ZCurrency } from '../../http/schemas.js';
import { newId } from '../../lib/ids.js';
import { requireProjectHost } from '../projects/access.js';
import { insertBatch } from './batch-queries.js';
import { presentBatch } from './batches.js';
import { ZAnswerSpec } from './schemas.js';

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
    qualification: z.object({ minGoldAccuracy: z.number().min(0).max(1), minGoldAnswers: z.number().int().min(1).max(10_000) }).optional(),
    leaseSeconds: z
      .number()
      .int()
      .min(10)
      .max(7 * 86400)
      .default(600),
    autoApproveHours: z
      .number()
      .int()
      .min(1)
      .max(90 * 24)
      .default(72),
  })
  .superRefine((b, issue) => {
    if ((b.overlap === undefined) === (b.dynamic === undefined)) {
      issue.addIssue({ code: 'custom', path: ['overlap'], message: 'give either overlap or dynamic (one of the two)' });
    }
  });
export type CreateBatchRequest = z.infer<typeof ZCreateBatchRequest>;

/**
 * Creates a draft batch on a project the caller hosts.
 * @example const batch = await createBatch(ctx, actor, projectId, { title: 'Cats', answer: { kind: 'label', labels: ['cat', 'dog'] }, overlap: 3, ... })
 */
export async function createBatch(ctx: AppContext, actor: Actor, projectIdOrSlug: string, input: CreateBatchRequest) {
  const project = await requireProjectHost(ctx.db, projectIdOrSlug, actor);
  const now = ctx.clock.now();
  const min = input.dynamic?.minOverlap ?? input.overlap!;
  const max = input.dynamic?.maxOverlap ?? input.overlap!;
  const batch = await insertBatch(ctx.db, {
    id: newId('tb'),
    projectId: project.id,
    title: input.title,
    instructions: input.instructions,
    answerKind: input.answer.kind,
    labels: input.answer.labels ?? [],
    minOverlap: min,
    maxOverlap: max,
    confidence: input.dynamic?.confidence ?? null,
    rewardAmount: input.reward?.amount ?? null,
    currency: input.reward?.currency ?? null,
    goldRate: input.goldRate,
    minGoldAccuracy: input.qualification?.minGoldAccuracy ?? null,
    minGoldAnswers: input.qualification?.minGoldAnswers ?? null,
    leaseSeconds: input.leaseSeconds,
    autoApproveHours: input.autoApproveHours,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  // Why: only a host gets this far (requireProjectHost above), so the batch is shown as to a host.
  return presentBatch(batch, true);
}
