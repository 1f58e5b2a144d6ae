import type { AppContext } from '../../context.js';
import { conflict } from '../../lib/errors.js';
import { postTransaction } from '../ledger/service.js';
import { type ChargeResult, type Decline, paymentProvider } from '../payments/service.js';
import { chargeKey, chargeRequestOf, collectionTransaction, releaseIfSettled } from './escrow.js';
import { feesOn } from './money.js';
import { rememberFailure, type PledgeAnswer } from './pledge-answers.js';
import { deleteCollectingPledge, markPledgeCollected, presentPledge, selectPledge, type Pledge } from './pledge-queries.js';
import { releaseSlot } from './tier-queries.js';
import { declineError } from './util.js';

/**
 * The charge-at-once flow of a `collecting` pledge (keep-it-all or donation): charge the card (keyed by the
 * pledge), then record it collected with its ledger transaction, or, when the card is refused, remove it with its
 * tier place (a 402 that leaves nothing behind). Safe to run again at any point: each step is done once.
 * @example return chargeAtOnce(ctx, pledgeId, { replayed: false })
 */
export async function chargeAtOnce(ctx: AppContext, pledgeId: string, opts: { replayed: boolean }): Promise<PledgeAnswer> {
  const pledge = await selectPledge(ctx.db, pledgeId);
  if (!pledge) throw conflict('pledge_abandoned', 'This pledge was abandoned after an interruption: please pledge again.');
  if (pledge.status !== 'collecting') return answerOf(pledge, opts.replayed);
  const result = await chargeCard(ctx, pledge);
  if (!result.ok) return refuseDeclined(ctx, pledge, result.decline);
  const collected = await completeCollection(ctx, pledge, result.chargeId);
  if (!collected) return answerRecordedElsewhere(ctx, pledge, result.chargeId);
  return { statusCode: 201, body: collected.firstAnswer!, replayed: opts.replayed };
}

/** Step 1: the charge at the processor, once per pledge and charge number whatever the retries. */
function chargeCard(ctx: AppContext, pledge: Pledge): Promise<ChargeResult> {
  return paymentProvider(ctx, pledge.provider).charge(chargeRequestOf(pledge));
}

/** Step 2, refused: the pledge and its tier place go, its 402 is kept for its key, and the backer is told. */
async function refuseDeclined(ctx: AppContext, pledge: Pledge, decline: Decline): Promise<never> {
  const error = declineError(decline);
  await abandonCollecting(ctx, pledge.id);
  if (pledge.idempotencyKey)
    await rememberFailure(ctx.db, pledge.backerId, pledge.idempotencyKey, pledge.requestHash!, error, ctx.clock.now());
  throw error;
}

/** Removes a pledge still `collecting` and frees its tier place (once: a repeat finds nothing to remove). */
export async function abandonCollecting(ctx: AppContext, pledgeId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (await deleteCollectingPledge(tx, pledgeId)) await releaseSlot(tx, pledgeId);
  });
}

/** Step 2, charged, but someone else recorded it meanwhile (a concurrent repeat, or recovery): answer what they wrote. */
async function answerRecordedElsewhere(ctx: AppContext, pledge: Pledge, chargeId: string): Promise<PledgeAnswer> {
  const again = await selectPledge(ctx.db, pledge.id);
  if (again) return answerOf(again, true);
  await refundOrphanCharge(ctx, pledge, chargeId);
  throw conflict('pledge_abandoned', 'This pledge was abandoned after an interruption and its charge refunded: please pledge again.');
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
    const updated = await markPledgeCollected(tx, pledge, {
      chargeRef: chargeId,
      collectedAt: now,
      paymentFee: fees.payment,
      platformFee: fees.platform,
      updatedAt: now,
      firstAnswer: firstAnswerOf(pledge, chargeId, fees, now),
    });
    if (!updated) return null;
    await postTransaction(tx, collectionTransaction(updated, fees, now));
    await releaseIfSettled(tx, pledge.campaignId, now);
    return updated;
  });
}

/** A charge-at-once pledge's answer is the pledge as collected; a settled one keeps the answer it had. */
function firstAnswerOf(pledge: Pledge, chargeId: string, fees: { payment: number; platform: number }, now: Date): string | null {
  if (pledge.status !== 'collecting') return pledge.firstAnswer;
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
  return JSON.stringify(presentPledge(collected));
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
