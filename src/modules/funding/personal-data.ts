// The funding module's share of a personal-data export and of an erasure: pledges with their ledger transactions,
// refunds and payouts; on erasure, what blocks it (a live campaign hosted, pledges being settled) and the
// cancellation of pending pledges through the backer's own cancel flow.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { campaigns, payouts, pledgeRefunds, pledges } from '../../db/schema/funding.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { transactionsTouching } from '../ledger/personal-data.js';
import { cancelPledge } from './cancel-pledge.js';

/**
 * A person's pledges (each with the ledger transactions about it), their refunds, and the payouts they asked for.
 * Never the payment method's token nor the pledge's idempotency records.
 * @example await exportPersonalData(db, userId) // { pledges: [{ id, status, amount, ledger: [...] }], refunds, payouts }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const rows = await db
    .select({ p: pledges, campaignTitle: campaigns.title, projectId: campaigns.projectId })
    .from(pledges)
    .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
    .where(eq(pledges.backerId, userId))
    .orderBy(asc(pledges.createdAt), asc(pledges.id));
  const ledger = await transactionsTouching(db, [LedgerAccounts.cardFunding(userId)]);
  const refunds = rows.length
    ? await db
        .select({
          id: pledgeRefunds.id,
          pledgeId: pledgeRefunds.pledgeId,
          amount: pledgeRefunds.amount,
          currency: pledgeRefunds.currency,
          reason: pledgeRefunds.reason,
          status: pledgeRefunds.status,
          createdAt: pledgeRefunds.createdAt,
          completedAt: pledgeRefunds.completedAt,
        })
        .from(pledgeRefunds)
        .where(
          inArray(
            pledgeRefunds.pledgeId,
            rows.map((r) => r.p.id),
          ),
        )
        .orderBy(asc(pledgeRefunds.createdAt))
    : [];
  const asked = await db
    .select({
      id: payouts.id,
      owner: payouts.owner,
      amount: payouts.amount,
      currency: payouts.currency,
      status: payouts.status,
      createdAt: payouts.createdAt,
      completedAt: payouts.completedAt,
    })
    .from(payouts)
    .where(or(eq(payouts.requestedBy, userId), eq(payouts.owner, `user:${userId}`)))
    .orderBy(asc(payouts.createdAt));
  return {
    pledges: rows.map(({ p, campaignTitle, projectId }) => ({
      id: p.id,
      campaignId: p.campaignId,
      campaignTitle,
      projectId,
      tierId: p.tierId,
      status: p.status,
      amount: p.amount,
      currency: p.currency,
      shippingCountry: p.shippingCountry,
      shippingCost: p.shippingCost,
      paymentMethod: p.methodLabel,
      refundedAmount: p.refundedAmount,
      paymentFee: p.paymentFee,
      platformFee: p.platformFee,
      createdAt: p.createdAt,
      collectedAt: p.collectedAt,
      ledger: ledger.filter((t) => t.memo === `pledge:${p.id}`),
    })),
    refunds,
    payouts: asked,
  };
}

/**
 * The live campaigns this person hosts in their own name (a project of theirs outside any organization): an
 * erasure waits until they end, since backers are owed a host.
 * @example await liveCampaignsHosted(db, userId) // [{ id: 'cmp_…', title: 'Solar kettle' }]
 */
export function liveCampaignsHosted(db: Executor, userId: string) {
  return db
    .select({ id: campaigns.id, title: campaigns.title })
    .from(campaigns)
    .where(and(eq(campaigns.hostOwner, `user:${userId}`), eq(campaigns.status, 'live')))
    .orderBy(asc(campaigns.id));
}

/**
 * Pledges the backer can no longer cancel but that settlement has not finished with: being charged, or waiting
 * for a campaign past its deadline (or decided) to charge or void them. An erasure waits for these.
 * @example await pledgesInSettlement(db, userId, now) // [{ id: 'plg_…', campaignId: 'cmp_…' }]
 */
export function pledgesInSettlement(db: Executor, userId: string, now: Date) {
  return db
    .select({ id: pledges.id, campaignId: pledges.campaignId })
    .from(pledges)
    .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
    .where(
      and(
        eq(pledges.backerId, userId),
        or(
          inArray(pledges.status, ['collecting', 'charging']),
          and(
            eq(pledges.status, 'pending'),
            sql`NOT (${campaigns.status} = 'live' AND ${campaigns.closedAt} IS NULL AND ${campaigns.deadline} > ${now.toISOString()}::timestamptz)`,
          ),
        ),
      ),
    )
    .orderBy(asc(pledges.id));
}

/**
 * Cancels the person's pending and errored pledges through the backer's own cancel flow (the tier place is freed,
 * nothing was charged, so nothing moves in the ledger). Pledges already collected stay: the money was paid and the
 * ledger keeps it. Each cancellation is its own transaction, as when the backer cancels: run again, it finds none.
 * @example await cancelOpenPledges(ctx, userId) // 2
 */
export async function cancelOpenPledges(ctx: AppContext, userId: string): Promise<number> {
  const open = await ctx.db
    .select({ id: pledges.id })
    .from(pledges)
    .where(and(eq(pledges.backerId, userId), inArray(pledges.status, ['pending', 'errored'])))
    .orderBy(asc(pledges.id));
  for (const p of open) await cancelPledge(ctx, { userId, role: 'member', via: 'session' }, p.id);
  return open.length;
}

/** Erasure, in the caller's transaction: the masked card number shown on the person's pledges is removed. */
export async function erasePersonalData(tx: Executor, userId: string): Promise<void> {
  await tx.update(pledges).set({ methodLabel: 'erased' }).where(eq(pledges.backerId, userId));
}
