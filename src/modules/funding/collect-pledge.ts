import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { campaigns, pledges } from '../../db/schema/funding.js';
import { conflict } from '../../lib/errors.js';
import { postTransaction } from '../ledger/service.js';
import { paymentProvider } from '../payments/service.js';
import { rememberFailure, type PledgeAnswer } from './pledge-answers.js';
import { chargeKey, collectionTransaction, sweepEscrow } from './escrow.js';
import { feesOn } from './money.js';
import { presentPledge, type Pledge } from './pledge-queries.js';
import { releaseSlot } from './slots.js';
import { declineError } from './util.js';

/**
 * Charges a `collecting` pledge (keep-it-all or donation) and records it: collected with its ledger
 * transaction, or, when the card is refused, removed with its tier place (a 402 that leaves nothing behind).
 * Safe to run again at any point: the charge is keyed by the pledge, and each outcome is written once.
 * @example return chargeAtOnce(ctx, pledgeId, { replayed: false })
 */
export async function chargeAtOnce(ctx: AppContext, pledgeId: string, opts: { replayed: boolean }): Promise<PledgeAnswer> {
  const [pledge] = await ctx.db.select().from(pledges).where(eq(pledges.id, pledgeId));
  if (!pledge) throw conflict('pledge_abandoned', 'This pledge was abandoned after an interruption: please pledge again.');
  if (pledge.status !== 'collecting') return answerOf(pledge, opts.replayed);
  const result = await paymentProvider(ctx, pledge.provider).charge({
    idempotencyKey: chargeKey(pledge),
    methodToken: pledge.methodToken,
    amount: pledge.amount,
    currency: pledge.currency,
    description: `pledge ${pledge.id}`,
  });
  if (!result.ok) {
    const error = declineError(result.decline);
    await ctx.db.transaction(async (tx) => {
      const gone = await tx
        .delete(pledges)
        .where(and(eq(pledges.id, pledge.id), eq(pledges.status, 'collecting')))
        .returning({ id: pledges.id });
      if (gone.length) await releaseSlot(tx, pledge.id);
    });
    if (pledge.idempotencyKey)
      await rememberFailure(ctx.db, pledge.backerId, pledge.idempotencyKey, pledge.requestHash!, error, ctx.clock.now());
    throw error;
  }
  const collected = await completeCollection(ctx, pledge, result.chargeId);
  if (!collected) {
    // Someone else recorded it meanwhile (a concurrent repeat, or recovery): answer what they wrote.
    const [again] = await ctx.db.select().from(pledges).where(eq(pledges.id, pledge.id));
    if (again) return answerOf(again, true);
    await refundOrphanCharge(ctx, pledge, result.chargeId);
    throw conflict('pledge_abandoned', 'This pledge was abandoned after an interruption and its charge refunded: please pledge again.');
  }
  return { statusCode: 201, body: collected.firstAnswer!, replayed: opts.replayed };
}

function answerOf(p: Pledge, replayed: boolean): PledgeAnswer {
  if (p.firstAnswer) return { statusCode: 201, body: p.firstAnswer, replayed: true };
  return { statusCode: 201, body: JSON.stringify(presentPledge(p)), replayed };
}

/**
 * Records a successful charge of a pledge that was being charged (`collecting` or `charging`): collected,
 * with fees, its ledger transaction, and (when its campaign is already settled) the release to the host.
 * Returns the updated pledge, or null when this charge was already recorded.
 */
export async function completeCollection(ctx: AppContext, pledge: Pledge, chargeId: string): Promise<Pledge | null> {
  const now = ctx.clock.now();
  const fees = feesOn(pledge.amount, ctx.config);
  return ctx.db.transaction(async (tx) => {
    const collected: Pledge = {
      ...pledge,
      status: 'collected',
      chargeRef: chargeId,
      collectedAt: now,
      paymentFee: fees.payment,
      platformFee: fees.platform,
      leaseUntil: null,
      updatedAt: now,
    };
    const firstAnswer = pledge.status === 'collecting' ? JSON.stringify(presentPledge(collected)) : pledge.firstAnswer;
    const [updated] = await tx
      .update(pledges)
      .set({
        status: 'collected',
        chargeRef: chargeId,
        collectedAt: now,
        paymentFee: fees.payment,
        platformFee: fees.platform,
        leaseUntil: null,
        updatedAt: now,
        firstAnswer,
        failureMessage: null,
      })
      .where(and(eq(pledges.id, pledge.id), eq(pledges.status, pledge.status), eq(pledges.chargeSeq, pledge.chargeSeq)))
      .returning();
    if (!updated) return null;
    await postTransaction(tx, collectionTransaction(updated, fees, now));
    const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, pledge.campaignId));
    if (campaign?.settledAt) await sweepEscrow(tx, campaign, now);
    return updated;
  });
}

/** A charge made for a pledge that no longer exists (abandoned while the charge was in flight) goes back. */
async function refundOrphanCharge(ctx: AppContext, pledge: Pledge, chargeId: string): Promise<void> {
  await paymentProvider(ctx, pledge.provider).refund({
    idempotencyKey: `${chargeKey(pledge)}:orphan`,
    chargeId,
    amount: pledge.amount,
    currency: pledge.currency,
  });
}
