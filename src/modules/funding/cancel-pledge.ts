import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { presentPledge, selectPledge, updatePledgeRow } from './pledge-queries.js';
import { completeRefund, recordRefund } from './refunds.js';
import { releaseSlot } from './tier-queries.js';
import { lockPledgeForChange, ownPledge } from './update-pledge.js';

/**
 * Cancels a pledge (its backer): before the deadline; a pledge already charged (keep-it-all, donation) is
 * refunded in full. An errored pledge can be cancelled too, instead of fixing its card. The tier place is freed.
 * @example await cancelPledge(ctx, actor, pledgeId) // { id, status: 'cancelled', … }
 */
export async function cancelPledge(ctx: AppContext, actor: Actor, id: string) {
  const pledge = await ownPledge(ctx.db, actor, id);
  const now = ctx.clock.now();
  const refundId = await ctx.db.transaction(async (tx) => {
    const current =
      pledge.status === 'errored'
        ? await lockPledgeForChange(tx, pledge, ['errored'], now, false)
        : await lockPledgeForChange(tx, pledge, ['pending', 'collected'], now);
    if (current.status === 'collected') {
      const refund = await recordRefund(ctx, tx, current, current.amount - current.refundedAmount, {
        userId: actor.userId,
        reason: 'cancelled by the backer',
        status: 'cancelled',
      });
      return refund.id;
    }
    await updatePledgeRow(tx, current.id, { status: 'cancelled', updatedAt: now });
    await releaseSlot(tx, current.id);
    return null;
  });
  if (refundId) await completeRefund(ctx, refundId);
  return presentPledge((await selectPledge(ctx.db, id))!);
}
