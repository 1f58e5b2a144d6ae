// The two steps of a refund, each safe to run again: record it (ledger, pledge, refund row) in the caller's
// transaction, then have the processor return the money and record its answer. Used by a host's refund, a backer's
// cancellation of a charged pledge, and recovery.
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { conflict, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { balanceOf, postTransaction } from '../ledger/service.js';
import { notify } from '../notifications/service.js';
import { paymentProvider } from '../payments/service.js';
import { selectCampaign } from './campaign-queries.js';
import { lockEscrow } from './escrow.js';
import { lockHostBalance } from './lock-queries.js';
import { restoreRefundedAmount, selectPledge, updatePledgeRow, type Pledge } from './pledge-queries.js';
import { completeRefundRow, insertRefund, selectPlatformFeeReturned, selectRefund, type Refund } from './refund-queries.js';
import { releaseSlot } from './tier-queries.js';

export type { Refund };

export function presentRefund(r: Refund) {
  return {
    id: r.id,
    pledgeId: r.pledgeId,
    campaignId: r.campaignId,
    amount: { amount: r.amount, currency: r.currency },
    platformFeeReturned: r.platformFeeReturned,
    source: r.source,
    status: r.status,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
  };
}

/**
 * Step one of a refund, inside the caller's transaction (which holds the pledge row locked): records the
 * refund `processing`, lowers what the pledge counts for, and posts its ledger transaction. The card gets
 * the amount back; the platform returns its fee in proportion; the rest comes from the campaign's escrow
 * before settlement, or from the host's balance after (which must cover it). The payment fee is not
 * returned: the processor keeps it.
 */
export async function recordRefund(
  ctx: AppContext,
  tx: Executor,
  pledge: Pledge,
  amount: number,
  by: { userId: string; reason: string; status?: Pledge['status'] },
): Promise<Refund> {
  await lockEscrow(tx, pledge.campaignId);
  const campaign = await selectCampaign(tx, pledge.campaignId);
  const refundable = pledge.amount - pledge.refundedAmount;
  if (amount > refundable)
    throw invalid('refund_too_large', `At most ${refundable} can still be refunded on this pledge.`, { field: 'body.amount', refundable });
  const share =
    amount === refundable
      ? pledge.platformFee - (await selectPlatformFeeReturned(tx, pledge.id))
      : Math.floor((pledge.platformFee * amount) / pledge.amount);
  const source = campaign!.settledAt ? ('host' as const) : ('escrow' as const);
  const sourceAccount = source === 'host' ? LedgerAccounts.hostBalance(campaign!.hostOwner) : LedgerAccounts.campaignEscrow(campaign!.id);
  if (source === 'host') {
    await lockHostBalance(tx, campaign!.hostOwner, pledge.currency);
    const available = await balanceOf(tx, sourceAccount, pledge.currency);
    if (available < amount - share) {
      throw conflict('host_balance_insufficient', 'The host’s balance is too low for this refund (it was paid out): add funds first.', {
        available,
      });
    }
  }
  const now = ctx.clock.now();
  const refund: Refund = {
    id: newId('rfd'),
    pledgeId: pledge.id,
    campaignId: pledge.campaignId,
    amount,
    platformFeeReturned: share,
    currency: pledge.currency,
    source,
    requestedBy: by.userId,
    reason: by.reason,
    status: 'processing',
    providerRef: null,
    createdAt: now,
    completedAt: null,
  };
  await insertRefund(tx, refund);
  const fully = amount === refundable;
  await updatePledgeRow(tx, pledge.id, {
    refundedAmount: pledge.refundedAmount + amount,
    status: by.status ?? (fully ? 'refunded' : pledge.status),
    updatedAt: now,
  });
  if (fully) await releaseSlot(tx, pledge.id);
  await postTransaction(tx, {
    kind: 'refund',
    currency: pledge.currency,
    ref: { type: 'campaign', id: pledge.campaignId },
    memo: `pledge:${pledge.id}`,
    idempotencyKey: `refund:${refund.id}`,
    at: now,
    entries: [
      { account: sourceAccount, amount: -(amount - share) },
      { account: LedgerAccounts.platformFees, amount: -share },
      { account: LedgerAccounts.cardFunding(pledge.backerId), amount },
    ],
  });
  await notify(tx, {
    userIds: [pledge.backerId],
    kind: 'pledge_refunded',
    subject: `pledge:${pledge.id}`,
    data: { campaignId: pledge.campaignId, amount, currency: pledge.currency },
  });
  return refund;
}

/**
 * Step two: asks the processor to return the money (keyed by the refund, so a repeat returns it once) and
 * records the outcome. A refusal undoes step one with a reversing ledger transaction.
 */
export async function completeRefund(ctx: AppContext, refundId: string): Promise<Refund> {
  const refund = await selectRefund(ctx.db, refundId);
  if (refund?.status !== 'processing') return refund!;
  const pledge = await selectPledge(ctx.db, refund.pledgeId);
  const result = await paymentProvider(ctx, pledge!.provider).refund({
    idempotencyKey: `refund:${refund.id}`,
    chargeId: pledge!.chargeRef ?? '',
    amount: refund.amount,
    currency: refund.currency,
  });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (result.ok) {
      const done = await completeRefundRow(tx, refund.id, { status: 'succeeded', providerRef: result.refundId, completedAt: now });
      return done ?? refund;
    }
    const failed = await completeRefundRow(tx, refund.id, { status: 'failed', completedAt: now });
    if (!failed) return refund;
    const campaign = await selectCampaign(tx, refund.campaignId);
    const sourceAccount =
      refund.source === 'host' ? LedgerAccounts.hostBalance(campaign!.hostOwner) : LedgerAccounts.campaignEscrow(refund.campaignId);
    await postTransaction(tx, {
      kind: 'refund_reversal',
      currency: refund.currency,
      ref: { type: 'campaign', id: refund.campaignId },
      memo: `refund:${refund.id} refused by the processor`,
      idempotencyKey: `refund:${refund.id}:reversal`,
      at: now,
      entries: [
        { account: sourceAccount, amount: refund.amount - refund.platformFeeReturned },
        { account: LedgerAccounts.platformFees, amount: refund.platformFeeReturned },
        { account: LedgerAccounts.cardFunding(pledge!.backerId), amount: -refund.amount },
      ],
    });
    await restoreRefundedAmount(tx, refund.pledgeId, refund.amount, now);
    return failed;
  });
}
