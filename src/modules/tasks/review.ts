// Reviewing answers (approve pays the worker through the ledger, reject frees the item for someone else),
// and automatic approval after the batch's delay.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { isKind, conflict, notFound } from '../../lib/errors.js';
import { LedgerAccounts, hostOwnerKey } from '../ledger/accounts.js';
import { postTransaction } from '../ledger/service.js';
import { notify } from '../notifications/service.js';
import { findProject } from '../projects/access.js';
import { manageBatch } from './access.js';
import {
  type Assignment,
  claimAnswersDueForApproval,
  recordReview,
  selectAssignment,
  selectAssignmentOwner,
} from './assignment-queries.js';
import { selectBatch, type Batch } from './batch-queries.js';
import { uncountAnswer } from './item-queries.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';

export const ZReviewRequest = z
  .object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(1000).optional() })
  .superRefine((r, issue) => {
    if (r.decision === 'reject' && !r.reason)
      issue.addIssue({ code: 'custom', path: ['reason'], message: 'a rejection needs a reason (the worker sees it)' });
  });
export type ReviewRequest = z.infer<typeof ZReviewRequest>;

/**
 * Settles one pending answer inside the caller's transaction (the caller holds the assignment row lock).
 * Approval moves the reward from the batch escrow to the worker's balance; rejection frees the item's place
 * while the batch is open, or returns the reserved reward to the host once it is closed.
 */
async function settle(
  tx: Tx,
  ctx: AppContext,
  a: Assignment,
  batch: Batch,
  decision: 'approve' | 'reject',
  reason: string | null,
  auto: boolean,
) {
  const now = ctx.clock.now();
  const review = decision === 'approve' ? ('approved' as const) : ('rejected' as const);
  await recordReview(tx, a.id, review, reason, now);
  let paid = 0;
  if (a.rewardAmount && batch.currency && a.userId) {
    if (decision === 'approve') {
      paid = a.rewardAmount;
      await postTransaction(tx, {
        kind: 'task_pay',
        currency: batch.currency,
        ref: { type: 'task_assignment', id: a.id },
        idempotencyKey: `task_assignment:${a.id}:pay`,
        memo: auto ? 'Answer approved automatically' : 'Answer approved',
        entries: [
          { account: LedgerAccounts.taskEscrow(batch.id), amount: -paid },
          { account: LedgerAccounts.workerBalance(a.userId), amount: paid },
        ],
        at: now,
      });
    } else if (batch.status === 'closed') {
      const project = await findProject(tx, batch.projectId, null).catch(() => null);
      if (project) {
        await postTransaction(tx, {
          kind: 'task_refund',
          currency: batch.currency,
          ref: { type: 'task_assignment', id: a.id },
          idempotencyKey: `task_assignment:${a.id}:refund`,
          memo: 'Reward of a rejected answer returned',
          entries: [
            { account: LedgerAccounts.taskEscrow(batch.id), amount: -a.rewardAmount },
            { account: LedgerAccounts.hostBalance(hostOwnerKey(project)), amount: a.rewardAmount },
          ],
          at: now,
        });
      }
    }
  }
  if (decision === 'reject' && batch.status !== 'closed') {
    // The rejected answer no longer counts: the item takes one more answer from someone else.
    await uncountAnswer(tx, a.itemId);
  }
  if (a.userId) {
    await notify(tx, {
      userIds: [a.userId],
      kind: decision === 'approve' ? 'task_approved' : 'task_rejected',
      subject: `task_batch:${batch.id}`,
      data: { batchId: batch.id, title: batch.title, assignmentId: a.id, reason, paid, currency: batch.currency },
    });
  }
  return { id: a.id, review, paid };
}

/**
 * A host approves or rejects a submitted answer; approval pays the reward through the ledger.
 * @example await reviewAssignment(ctx, actor, 'ta_1', { decision: 'reject', reason: 'Not a cat.' }) // { id, review: 'rejected', paid: 0 }
 */
export async function reviewAssignment(ctx: AppContext, actor: Actor, id: string, input: ReviewRequest, from?: AuditFrom) {
  const found = await selectAssignmentOwner(ctx.db, id);
  if (!found) throw notFound('assignment');
  // Why: only the hosts of the batch's project decide on its answers and its money; anyone else learns nothing of
  // the answer, not even that it exists (404, not 403); its worker, who sees it, is told no (403).
  const { batch } = await manageBatch(ctx.db, found.batchId, actor).catch((e: unknown) => {
    throw isKind(e, 'forbidden') && found.userId !== actor.userId ? notFound('assignment') : e;
  });
  return ctx.db.transaction(async (tx) => {
    const a = await selectAssignment(tx, id, true);
    if (a!.review !== 'pending') {
      throw conflict(
        'not_pending_review',
        a!.review === 'none' ? 'This assignment has no submitted answer to review.' : `This answer is already ${a!.review}.`,
      );
    }
    const fresh = await selectBatch(tx, batch.id);
    const result = await settle(tx, ctx, a!, fresh!, input.decision, input.reason ?? null, false);
    await recordAudit(
      tx,
      {
        action: input.decision === 'approve' ? 'task_assignment.approve' : 'task_assignment.reject',
        targetType: 'task_assignment',
        targetId: a!.id,
        projectId: fresh!.projectId,
        summary: `${input.decision === 'approve' ? 'Approved' : 'Rejected'} an answer in task batch ${quote(fresh!.title)}${result.paid ? `, paying ${result.paid} ${fresh!.currency} (minor units)` : ''}${input.reason ? `: ${quote(input.reason)}` : ''}`,
        data: { batchId: fresh!.id, workerId: a!.userId, paid: result.paid, currency: fresh!.currency, reason: input.reason ?? null },
        at: ctx.clock.now(),
      },
      from ?? actor,
    );
    return result;
  });
}

/**
 * Approves answers left unreviewed past their batch's delay, a few hundred at a time, claiming rows with
 * FOR UPDATE SKIP LOCKED so several servers can run it together. Each batch's review queue is read in order of
 * submission (task_assignments_review_idx), then the oldest of all are approved. Returns how many it approved.
 * @example await autoApprove(ctx) // 3
 */
export async function autoApprove(ctx: AppContext, limit = 200): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const due = await claimAnswersDueForApproval(tx, now, limit);
    const batches = new Map<string, Batch>();
    for (const id of due) {
      const a = await selectAssignment(tx, id);
      let batch = batches.get(a!.batchId);
      if (!batch) {
        batch = (await selectBatch(tx, a!.batchId))!;
        batches.set(batch.id, batch);
      }
      await settle(tx, ctx, a!, batch!, 'approve', null, true);
    }
    return due.length;
  });
}
