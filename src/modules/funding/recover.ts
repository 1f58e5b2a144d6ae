import type { AppContext } from '../../context.js';
import { notify } from '../notifications/service.js';
import { paymentProvider } from '../payments/service.js';
import { abandonCollecting, completeCollection } from './charge-at-once.js';
import { chargeBatch, CHARGE_LEASE_MS } from './charge-batch.js';
import { claimStaleChargingOfSettled, dropExpiredErroredPledges, selectStaleCollecting } from './charge-queries.js';
import { chargeKey } from './escrow.js';
import { rememberFailure } from './pledge-answers.js';
import { deletePledgeRequestsBefore } from './pledge-queries.js';
import { completePayout } from './payouts.js';
import { selectStalePayoutIds } from './payout-queries.js';
import { selectStaleRefundIds } from './refund-queries.js';
import { completeRefund } from './refunds.js';
import { releaseSlots } from './tier-queries.js';
import { declineError } from './util.js';

/** Failed pledge answers are kept this long for their Idempotency-Key (pledges keep theirs for good). */
export const PLEDGE_REQUEST_TTL_MS = 48 * 3600_000;
/** A refund or payout still `processing` after this was interrupted: resume it. */
const STALE_MS = 5 * 60_000;

/**
 * Finishes charge-at-once pledges whose request was interrupted (`collecting` past its lease): the
 * processor is asked what the charge with the pledge's key did; a made charge is recorded, a refused one
 * removes the pledge (with its 402 kept for the key), and no charge at all abandons the pledge.
 * @example await recoverCollecting(ctx, { campaignId })
 */
export async function recoverCollecting(ctx: AppContext, scope: { campaignId?: string } = {}): Promise<number> {
  const now = ctx.clock.now();
  const stale = await selectStaleCollecting(ctx.db, now, scope.campaignId, 500);
  for (const pledge of stale) {
    const found = await paymentProvider(ctx, pledge.provider).findCharge(chargeKey(pledge));
    if (found?.ok) {
      await completeCollection(ctx, pledge, found.chargeId);
      continue;
    }
    await abandonCollecting(ctx, pledge.id);
    if (found && !found.ok && pledge.idempotencyKey)
      await rememberFailure(ctx.db, pledge.backerId, pledge.idempotencyKey, pledge.requestHash!, declineError(found.decline), now);
  }
  return stale.length;
}

/**
 * Takes over charges whose worker stopped (`charging` past its lease) on campaigns already settled: a fixed
 * card whose request was interrupted. (Settlement itself takes over its own campaign's.)
 */
export async function resumeStaleCharging(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const claimed = await claimStaleChargingOfSettled(ctx.db, now, new Date(now.getTime() + CHARGE_LEASE_MS), 200);
  if (claimed.length) await chargeBatch(ctx, claimed);
  return claimed.length;
}

/**
 * Drops errored pledges whose 7 days to fix the card are over: they no longer count, their tier place is
 * freed, and the backer is told.
 * @example await dropExpiredErrored(ctx)
 */
export async function dropExpiredErrored(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const dropped = await dropExpiredErroredPledges(tx, now, 500);
    if (!dropped.length) return 0;
    await releaseSlots(
      tx,
      dropped.map((d) => d.id),
    );
    for (const d of dropped)
      await notify(tx, {
        userIds: [d.backerId],
        kind: 'pledge_dropped',
        subject: `pledge:${d.id}`,
        data: { pledgeId: d.id, campaignId: d.campaignId },
      });
    return dropped.length;
  });
}

/** Resumes refunds and payouts interrupted between their two steps. */
export async function resumeMoneyFlows(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - STALE_MS);
  const refunds = await selectStaleRefundIds(ctx.db, cutoff, 100);
  for (const id of refunds) await completeRefund(ctx, id);
  const pays = await selectStalePayoutIds(ctx.db, cutoff, 100);
  for (const id of pays) await completePayout(ctx, id);
  return refunds.length + pays.length;
}

/** Forgets failed pledge answers past their retention. */
export async function purgePledgeRequests(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - PLEDGE_REQUEST_TTL_MS);
  return deletePledgeRequestsBefore(ctx.db, cutoff);
}
