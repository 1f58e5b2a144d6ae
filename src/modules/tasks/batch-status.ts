// Publishing (and funding), pausing and closing a batch.
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict } from '../../lib/errors.js';
import { LedgerAccounts, hostOwnerKey } from '../ledger/accounts.js';
import { balanceOf, postTransaction } from '../ledger/service.js';
import { forgetBatchForWork, manageBatch } from './access.js';
import { lockAssignmentsAgainstWriters, sumPendingRewardsOfBatch } from './assignment-queries.js';
import { markBatchClosed, markBatchPaused, markBatchPublished, selectBatchForUpdate, type Batch } from './batch-queries.js';
import { showBatch } from './batches.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';

/** What a rewarded batch puts in escrow: reward × the most answers an item may take × items. */
export function batchBudget(batch: Batch): number {
  return batch.rewardAmount ? batch.rewardAmount * batch.maxOverlap * batch.itemsCount : 0;
}

/**
 * Opens a draft (or paused) batch to workers. The first publication of a rewarded batch funds its budget:
 * one ledger transaction from the host's outside funding to the batch's escrow.
 * @example const batch = await publishBatch(ctx, actor, 'tb_1')
 */
export async function publishBatch(ctx: AppContext, actor: Actor, id: string, from?: AuditFrom) {
  const { project } = await manageBatch(ctx.db, id, actor);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const batch = await selectBatchForUpdate(tx, id);
    if (batch!.status === 'published') return;
    if (batch!.status === 'closed') throw conflict('batch_closed', 'This batch is closed.');
    if (batch!.itemsCount === 0) throw conflict('batch_empty', 'Upload items before publishing.', { field: 'items' });
    let funded = batch!.fundedAmount;
    if (batch!.status === 'draft' && batch!.rewardAmount) {
      funded = batchBudget(batch!);
      await postTransaction(tx, {
        kind: 'task_funding',
        currency: batch!.currency!,
        ref: { type: 'task_batch', id },
        idempotencyKey: `task_batch:${id}:fund`,
        memo: `Budget of task batch ${batch!.title}`,
        entries: [
          { account: LedgerAccounts.hostFunding(hostOwnerKey(project)), amount: -funded },
          { account: LedgerAccounts.taskEscrow(id), amount: funded },
        ],
        at: now,
      });
    }
    await markBatchPublished(tx, id, { fundedAmount: funded, publishedAt: batch!.publishedAt ?? now, now });
    const funding = funded !== batch!.fundedAmount ? funded : 0;
    await recordAudit(
      tx,
      {
        action: 'task_batch.publish',
        targetType: 'task_batch',
        targetId: id,
        orgId: project.orgId,
        projectId: project.id,
        summary: `${batch!.status === 'paused' ? 'Resumed' : 'Published'} task batch ${quote(batch!.title)}${funding ? `, funding ${funding} ${batch!.currency} (minor units)` : ''}`,
        data: { from: batch!.status, funded: funding, currency: batch!.currency },
        at: now,
      },
      from ?? actor,
    );
  });
  forgetBatchForWork(id);
  return showBatch(ctx, id, actor);
}

/** Stops new leases (open leases may still be submitted); answers with the batch. */
export async function pauseBatch(ctx: AppContext, actor: Actor, id: string, from?: AuditFrom) {
  const { batch, project } = await manageBatch(ctx.db, id, actor);
  if (batch.status !== 'published') throw conflict('batch_not_published', 'Only a published batch can be paused.');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await markBatchPaused(tx, id, now))) return;
    await recordAudit(
      tx,
      {
        action: 'task_batch.pause',
        targetType: 'task_batch',
        targetId: id,
        orgId: project.orgId,
        projectId: project.id,
        summary: `Paused task batch ${quote(batch.title)}`,
        at: now,
      },
      from ?? actor,
    );
  });
  forgetBatchForWork(id);
  return showBatch(ctx, id, actor);
}

/**
 * Closes a batch for good and returns the unspent escrow to the host balance, keeping what the answers still
 * awaiting review may be paid. Answers are then only reviewed; a later rejection returns its reward too.
 * @example const { returned, ...batch } = await closeBatch(ctx, actor, 'tb_1')
 */
export async function closeBatch(ctx: AppContext, actor: Actor, id: string, from?: AuditFrom) {
  const { project } = await manageBatch(ctx.db, id, actor);
  const now = ctx.clock.now();
  const { returned } = await ctx.db.transaction(async (tx) => {
    const batch = await selectBatchForUpdate(tx, id);
    if (batch!.status === 'closed') throw conflict('batch_closed', 'This batch is already closed.');
    await markBatchClosed(tx, id, now);
    forgetBatchForWork(id);
    // Wait for answers being written right now: a submission checks the batch is open in the statement that
    // records it, so once this returns no answer that saw the batch open can still appear, and what is owed
    // below is complete. SHARE mode conflicts only with writers, and only until this transaction ends.
    await lockAssignmentsAgainstWriters(tx);
    const audit = (returned: number) =>
      recordAudit(
        tx,
        {
          action: 'task_batch.close',
          targetType: 'task_batch',
          targetId: id,
          orgId: project.orgId,
          projectId: project.id,
          summary: `Closed task batch ${quote(batch!.title)}${returned ? `: ${returned} ${batch!.currency} (minor units) returned to the host` : ''}`,
          data: { returned, currency: batch!.currency },
          at: now,
        },
        from ?? actor,
      );
    if (!batch!.rewardAmount || !batch!.fundedAmount) {
      await audit(0);
      return { returned: 0 };
    }
    const owed = await sumPendingRewardsOfBatch(tx, id);
    const escrow = await balanceOf(tx, LedgerAccounts.taskEscrow(id), batch!.currency!);
    const returned = escrow - owed;
    if (returned < 0) throw new DomainError('escrow_short', 'The batch escrow holds less than the pending pay.');
    if (returned > 0) {
      await postTransaction(tx, {
        kind: 'task_refund',
        currency: batch!.currency!,
        ref: { type: 'task_batch', id },
        idempotencyKey: `task_batch:${id}:close`,
        memo: `Unspent budget of task batch ${batch!.title}`,
        entries: [
          { account: LedgerAccounts.taskEscrow(id), amount: -returned },
          { account: LedgerAccounts.hostBalance(hostOwnerKey(project)), amount: returned },
        ],
        at: now,
      });
    }
    await audit(returned);
    return { returned };
  });
  return { ...(await showBatch(ctx, id, actor)), returned };
}
