import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { campaigns, pledgeRefunds, pledgeRequests, pledges, payouts } from '../../db/schema/funding.js';
import { notify } from '../notifications/service.js';
import { paymentProvider } from '../payments/service.js';
import { chargeBatch, CHARGE_LEASE_MS } from './charge-batch.js';
import { completeCollection } from './collect-pledge.js';
import { chargeKey } from './escrow.js';
import { rememberFailure } from './pledge-answers.js';
import { completePayout } from './payouts.js';
import { completeRefund } from './refunds.js';
import { declineError } from './util.js';
import { releaseSlot } from './slots.js';

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
  const stale = await ctx.db
    .select()
    .from(pledges)
    .where(
      and(
        eq(pledges.status, 'collecting'),
        lt(pledges.leaseUntil, now),
        scope.campaignId ? eq(pledges.campaignId, scope.campaignId) : undefined,
      ),
    )
    .limit(500);
  for (const pledge of stale) {
    const found = await paymentProvider(ctx, pledge.provider).findCharge(chargeKey(pledge));
    if (found?.ok) {
      await completeCollection(ctx, pledge, found.chargeId);
      continue;
    }
    await ctx.db.transaction(async (tx) => {
      const gone = await tx
        .delete(pledges)
        .where(and(eq(pledges.id, pledge.id), eq(pledges.status, 'collecting')))
        .returning({ id: pledges.id });
      if (gone.length) await releaseSlot(tx, pledge.id);
    });
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
  const candidates = ctx.db
    .select({ id: pledges.id })
    .from(pledges)
    .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
    .where(and(eq(pledges.status, 'charging'), lt(pledges.leaseUntil, now), isNotNull(campaigns.settledAt)))
    .limit(200)
    .for('update', { of: pledges, skipLocked: true });
  const claimed = await ctx.db
    .update(pledges)
    .set({ leaseUntil: new Date(now.getTime() + CHARGE_LEASE_MS), updatedAt: now })
    .where(and(inArray(pledges.id, candidates), eq(pledges.status, 'charging')))
    .returning();
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
    const candidates = tx
      .select({ id: pledges.id })
      .from(pledges)
      .where(and(eq(pledges.status, 'errored'), lt(pledges.fixDeadline, now)))
      .limit(500)
      .for('update', { skipLocked: true });
    const dropped = await tx
      .update(pledges)
      .set({ status: 'dropped', updatedAt: now })
      .where(inArray(pledges.id, candidates))
      .returning({ id: pledges.id, backerId: pledges.backerId, campaignId: pledges.campaignId });
    if (!dropped.length) return 0;
    await tx.execute(
      sql`UPDATE tier_slots SET pledge_id = NULL WHERE pledge_id IN (${sql.join(
        dropped.map((d) => sql`${d.id}`),
        sql`, `,
      )})`,
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
  const refunds = await ctx.db
    .select({ id: pledgeRefunds.id })
    .from(pledgeRefunds)
    .where(and(eq(pledgeRefunds.status, 'processing'), lt(pledgeRefunds.createdAt, cutoff)))
    .limit(100);
  for (const r of refunds) await completeRefund(ctx, r.id);
  const pays = await ctx.db
    .select({ id: payouts.id })
    .from(payouts)
    .where(and(eq(payouts.status, 'processing'), lt(payouts.createdAt, cutoff)))
    .limit(100);
  for (const p of pays) await completePayout(ctx, p.id);
  return refunds.length + pays.length;
}

/** Forgets failed pledge answers past their retention. */
export async function purgePledgeRequests(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - PLEDGE_REQUEST_TTL_MS);
  const gone = await ctx.db
    .delete(pledgeRequests)
    .where(lt(pledgeRequests.createdAt, cutoff))
    .returning({ k: pledgeRequests.idempotencyKey });
  return gone.length;
}
