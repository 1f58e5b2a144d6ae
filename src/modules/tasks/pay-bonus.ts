// A host paying a worker of a batch a bonus, through the ledger.
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { LedgerAccounts, hostOwnerKey } from '../ledger/accounts.js';
import { postTransaction } from '../ledger/service.js';
import { notify } from '../notifications/service.js';
import { manageBatch } from './access.js';
import { insertBonus, selectWorkerAccount } from './worker-queries.js';

export const ZBonusRequest = z.object({
  workerId: z.string().min(1).max(100),
  amount: z.number().int().min(1).max(100_000_00),
  reason: z.string().trim().min(1, 'is required').max(1000),
});
export type BonusRequest = z.infer<typeof ZBonusRequest>;

/**
 * A host pays a worker of the batch a bonus, funded by the host at once (recorded as host funding, as budgets are).
 * @example await payBonus(ctx, actor, 'tb_1', { workerId: 'usr_1', amount: 200, reason: 'Careful work' })
 */
export async function payBonus(ctx: AppContext, actor: Actor, batchId: string, input: BonusRequest, from?: AuditFrom) {
  // Why: a bonus is the host's money; only the project's hosts may give one.
  const { batch, project } = await manageBatch(ctx.db, batchId, actor);
  if (!batch.currency) throw conflict('volunteer_batch', 'This batch pays no reward, so it has no currency for bonuses.');
  const workerUser = await selectWorkerAccount(ctx.db, batchId, input.workerId);
  if (!workerUser) throw notFound('worker of this batch', 'worker_not_found');
  const id = newId('tbn');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await insertBonus(tx, {
      id,
      batchId,
      userId: workerUser,
      amount: input.amount,
      currency: batch.currency!,
      reason: input.reason,
      createdBy: actor.userId,
      createdAt: now,
    });
    await postTransaction(tx, {
      kind: 'task_bonus',
      currency: batch.currency!,
      ref: { type: 'task_bonus', id },
      idempotencyKey: `task_bonus:${id}`,
      memo: input.reason,
      entries: [
        { account: LedgerAccounts.hostFunding(hostOwnerKey(project)), amount: -input.amount },
        { account: LedgerAccounts.workerBalance(workerUser), amount: input.amount },
      ],
      at: now,
    });
    await notify(tx, {
      userIds: [workerUser],
      kind: 'task_bonus',
      subject: `task_batch:${batchId}`,
      data: { batchId, title: batch.title, amount: input.amount, currency: batch.currency, reason: input.reason },
    });
    await recordAudit(
      tx,
      {
        action: 'task_bonus.pay',
        targetType: 'task_bonus',
        targetId: id,
        orgId: project.orgId,
        projectId: project.id,
        summary: `Paid ${workerUser} a bonus of ${input.amount} ${batch.currency} (minor units) in task batch ${quote(batch.title)}: ${quote(input.reason)}`,
        data: { batchId, workerId: workerUser, amount: input.amount, currency: batch.currency },
        at: now,
      },
      from ?? actor,
    );
  });
  return { id, workerId: input.workerId, amount: input.amount, currency: batch.currency };
}
