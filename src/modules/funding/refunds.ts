import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { campaigns, pledgeRefunds, pledges } from '../../db/schema/funding.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, isKind, conflict, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { balanceOf, postTransaction } from '../ledger/service.js';
import { notify } from '../notifications/service.js';
import { recordAudit, quote, type AuditFrom } from '../audit/record-audit.js';
import { paymentProvider } from '../payments/service.js';
import { requireCampaignHost } from './campaigns.js';
import { lockEscrow } from './escrow.js';
import { lockKey } from './locks.js';
import { amountIn, type Fees } from './money.js';
import type { Pledge } from './pledge-queries.js';
import { releaseSlot } from './slots.js';
import type { AmountInput } from './schemas.js';

export type Refund = typeof pledgeRefunds.$inferSelect;

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

/** Serializes what reads and moves a host's balance in one currency (refunds from it, payouts). */
export function lockHostBalance(tx: Executor, owner: string, currency: string): Promise<void> {
  return lockKey(tx, `host:${owner}:${currency}`);
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
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, pledge.campaignId));
  const refundable = pledge.amount - pledge.refundedAmount;
  if (amount > refundable)
    throw invalid('refund_too_large', `At most ${refundable} can still be refunded on this pledge.`, { field: 'body.amount', refundable });
  const [returned] = await tx
    .select({ total: sql<number>`coalesce(sum(${pledgeRefunds.platformFeeReturned}), 0)`.mapWith(Number) })
    .from(pledgeRefunds)
    .where(and(eq(pledgeRefunds.pledgeId, pledge.id), sql`${pledgeRefunds.status} <> 'failed'`));
  const share =
    amount === refundable ? pledge.platformFee - (returned?.total ?? 0) : Math.floor((pledge.platformFee * amount) / pledge.amount);
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
  await tx.insert(pledgeRefunds).values(refund);
  const fully = amount === refundable;
  await tx
    .update(pledges)
    .set({ refundedAmount: pledge.refundedAmount + amount, status: by.status ?? (fully ? 'refunded' : pledge.status), updatedAt: now })
    .where(eq(pledges.id, pledge.id));
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
  const [refund] = await ctx.db.select().from(pledgeRefunds).where(eq(pledgeRefunds.id, refundId));
  if (!refund || refund.status !== 'processing') return refund!;
  const [pledge] = await ctx.db.select().from(pledges).where(eq(pledges.id, refund.pledgeId));
  const result = await paymentProvider(ctx, pledge!.provider).refund({
    idempotencyKey: `refund:${refund.id}`,
    chargeId: pledge!.chargeRef ?? '',
    amount: refund.amount,
    currency: refund.currency,
  });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (result.ok) {
      const [done] = await tx
        .update(pledgeRefunds)
        .set({ status: 'succeeded', providerRef: result.refundId, completedAt: now })
        .where(and(eq(pledgeRefunds.id, refund.id), eq(pledgeRefunds.status, 'processing')))
        .returning();
      return done ?? refund;
    }
    const [failed] = await tx
      .update(pledgeRefunds)
      .set({ status: 'failed', completedAt: now })
      .where(and(eq(pledgeRefunds.id, refund.id), eq(pledgeRefunds.status, 'processing')))
      .returning();
    if (!failed) return refund;
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, refund.campaignId));
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
    await tx
      .update(pledges)
      .set({ refundedAmount: sql`${pledges.refundedAmount} - ${refund.amount}`, status: 'collected', updatedAt: now })
      .where(eq(pledges.id, refund.pledgeId));
    return failed;
  });
}

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
  const [pledge] = await ctx.db.select().from(pledges).where(eq(pledges.id, pledgeId)).limit(1);
  const pledgeNotFound = () => new DomainError('pledge_not_found', 'No pledge with this id.');
  if (!pledge) throw pledgeNotFound();
  // Why: refunds give the host's money back to a backer; only the campaign's hosts (or an operator) decide them.
  // Anyone but the backer who is not a host learns nothing of the pledge, not even that it exists: 404, not 403.
  await requireCampaignHost(ctx.db, pledge.campaignId, actor).catch((e: unknown) => {
    throw isKind(e, 'forbidden') && pledge.backerId !== actor.userId ? pledgeNotFound() : e;
  });
  const amount = input.amount === undefined ? null : amountIn(input.amount, pledge.currency, 'body.amount');
  if (amount !== null && amount <= 0) throw invalid('refund_too_small', 'A refund is at least 1 minor unit.', { field: 'body.amount' });
  const refund = await ctx.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(pledges).where(eq(pledges.id, pledge.id)).for('update');
    if (locked!.status !== 'collected')
      throw conflict('pledge_not_refundable', `Only a collected pledge can be refunded; this one is ${locked!.status}.`);
    const recorded = await recordRefund(ctx, tx, locked!, amount ?? locked!.amount - locked!.refundedAmount, {
      userId: actor.userId,
      reason: input.reason ?? '',
    });
    const [campaign] = await tx.select({ projectId: campaigns.projectId }).from(campaigns).where(eq(campaigns.id, recorded.campaignId));
    await recordAudit(
      tx,
      {
        action: 'pledge.refund',
        targetType: 'pledge',
        targetId: recorded.pledgeId,
        projectId: campaign?.projectId ?? null,
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
  return presentRefund(await completeRefund(ctx, refund.id));
}

export type { Fees };
