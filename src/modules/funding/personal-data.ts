// The funding module's share of a personal-data export and of an erasure: pledges with their ledger transactions,
// refunds and payouts; on erasure, what blocks it (a live campaign hosted, pledges being settled) and the
// cancellation of pending pledges through the backer's own cancel flow.
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { transactionsTouching } from '../ledger/personal-data.js';
import { selectLiveCampaignsHostedBy } from './campaign-queries.js';
import { cancelPledge } from './cancel-pledge.js';
import { selectPayoutsOfPerson } from './payout-queries.js';
import { eraseMethodLabels, selectPledgeIdsOfBacker, selectPledgesForExport, selectPledgesInSettlement } from './pledge-queries.js';
import { selectRefundsOfPledges } from './refund-queries.js';

/**
 * A person's pledges (each with the ledger transactions about it), their refunds, and the payouts they asked for.
 * Never the payment method's token nor the pledge's idempotency records.
 * @example await exportPersonalData(db, userId) // { pledges: [{ id, status, amount, ledger: [...] }], refunds, payouts }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const rows = await selectPledgesForExport(db, userId);
  const ledger = await transactionsTouching(db, [LedgerAccounts.cardFunding(userId)]);
  const refunds = rows.length
    ? await selectRefundsOfPledges(
        db,
        rows.map((r) => r.p.id),
      )
    : [];
  const asked = await selectPayoutsOfPerson(db, userId);
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
  return selectLiveCampaignsHostedBy(db, `user:${userId}`);
}

/**
 * Pledges the backer can no longer cancel but that settlement has not finished with: being charged, or waiting
 * for a campaign past its deadline (or decided) to charge or void them. An erasure waits for these.
 * @example await pledgesInSettlement(db, userId, now) // [{ id: 'plg_…', campaignId: 'cmp_…' }]
 */
export function pledgesInSettlement(db: Executor, userId: string, now: Date) {
  return selectPledgesInSettlement(db, userId, now);
}

/**
 * Cancels the person's pending and errored pledges through the backer's own cancel flow (the tier place is freed,
 * nothing was charged, so nothing moves in the ledger). Pledges already collected stay: the money was paid and the
 * ledger keeps it. Each cancellation is its own transaction, as when the backer cancels: run again, it finds none.
 * @example await cancelOpenPledges(ctx, userId) // 2
 */
export async function cancelOpenPledges(ctx: AppContext, userId: string): Promise<number> {
  const open = await selectPledgeIdsOfBacker(ctx.db, userId, ['pending', 'errored']);
  for (const id of open) await cancelPledge(ctx, { userId, role: 'member', via: 'session' }, id);
  return open.length;
}

/** Erasure, in the caller's transaction: the masked card number shown on the person's pledges is removed. */
export async function erasePersonalData(tx: Executor, userId: string): Promise<void> {
  await eraseMethodLabels(tx, userId);
}
