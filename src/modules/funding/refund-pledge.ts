import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict, invalid, isKind } from '../../lib/errors.js';
import { quote, type AuditFrom } from '../audit/record-audit.js';
import { requireCampaignHost } from './campaigns.js';
import { amountIn } from './money.js';
import { auditPledge } from './pledge-audit.js';
import { selectPledge, selectPledgeForUpdate, type Pledge } from './pledge-queries.js';
import { completeRefund, presentRefund, recordRefund } from './refunds.js';
import type { AmountInput } from './schemas.js';

/**
 * Refunds a collected pledge, whole or in part (the campaign's hosts, or an operator).
 * @example await refundPledge(ctx, actor, pledgeId, { amount: 1000, reason: 'reward out of stock' })
 */
export async function refundPledge(
  ctx: AppContext,
  actor: Actor,
  pledgeId: string,
  input: { amount?: AmountInput; reason?: string },
  from?: AuditFrom,
) {
  const pledge = await pledgeToRefund(ctx, actor, pledgeId);
  const amount = input.amount === undefined ? null : amountIn(input.amount, pledge.currency, 'body.amount');
  if (amount !== null && amount <= 0) throw invalid('refund_too_small', 'A refund is at least 1 minor unit.', { field: 'body.amount' });
  const refund = await recordHostRefund(ctx, actor, pledge.id, amount, input.reason ?? '', from);
  return presentRefund(await completeRefund(ctx, refund.id));
}

/** The pledge, for its campaign's hosts (or an operator); to anyone else but its backer, no such pledge. */
async function pledgeToRefund(ctx: AppContext, actor: Actor, pledgeId: string): Promise<Pledge> {
  const pledge = await selectPledge(ctx.db, pledgeId);
  const pledgeNotFound = () => new DomainError('pledge_not_found', 'No pledge with this id.');
  if (!pledge) throw pledgeNotFound();
  // Why: refunds give the host's money back to a backer; only the campaign's hosts (or an operator) decide them.
  // Anyone but the backer who is not a host learns nothing of the pledge, not even that it exists: 404, not 403.
  await requireCampaignHost(ctx.db, pledge.campaignId, actor).catch((e: unknown) => {
    throw isKind(e, 'forbidden') && pledge.backerId !== actor.userId ? pledgeNotFound() : e;
  });
  return pledge;
}

/** Step one, with the pledge locked: only a collected pledge is refunded (whole when `amount` is null), and audited. */
function recordHostRefund(ctx: AppContext, actor: Actor, pledgeId: string, amount: number | null, reason: string, from?: AuditFrom) {
  return ctx.db.transaction(async (tx) => {
    const locked = await selectPledgeForUpdate(tx, pledgeId);
    if (locked!.status !== 'collected')
      throw conflict('pledge_not_refundable', `Only a collected pledge can be refunded; this one is ${locked!.status}.`);
    const recorded = await recordRefund(ctx, tx, locked!, amount ?? locked!.amount - locked!.refundedAmount, {
      userId: actor.userId,
      reason,
    });
    await auditPledge(
      tx,
      {
        action: 'pledge.refund',
        pledgeId: recorded.pledgeId,
        campaignId: recorded.campaignId,
        summary: `Refunded ${recorded.amount} ${recorded.currency} (minor units) of pledge ${recorded.pledgeId}${recorded.reason ? `: ${quote(recorded.reason)}` : ''}`,
        data: {
          refundId: recorded.id,
          campaignId: recorded.campaignId,
          amount: recorded.amount,
          currency: recorded.currency,
          source: recorded.source,
          backerId: locked!.backerId,
          reason: recorded.reason,
        },
        at: recorded.createdAt,
      },
      from ?? actor,
    );
    return recorded;
  });
}
