import type { Executor } from '../../db/client.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { balanceOf, postTransaction, type LedgerTransactionInput } from '../ledger/service.js';
import { type Campaign, selectCampaign } from './campaign-queries.js';
import { lockKey } from './lock-queries.js';
import type { Fees } from './money.js';
import type { Pledge } from './pledge-queries.js';

/** The idempotency key of a pledge's charge number `seq`: the same key for every retry of one charge. */
export function chargeKey(p: Pick<Pledge, 'id' | 'chargeSeq'>): string {
  return `pledge:${p.id}:charge:${p.chargeSeq}`;
}

/** What the processor is asked to charge for a pledge (its charge number's key). */
export function chargeRequestOf(p: Pick<Pledge, 'id' | 'chargeSeq' | 'methodToken' | 'amount' | 'currency'>) {
  return {
    idempotencyKey: chargeKey(p),
    methodToken: p.methodToken,
    amount: p.amount,
    currency: p.currency,
    description: `pledge ${p.id}`,
  };
}

/**
 * The ledger transaction of a collected pledge: the backer's card gave the amount; the payment processor's
 * fee and the platform fee are entries of their own; the rest waits in the campaign's escrow.
 */
export function collectionTransaction(
  p: Pick<Pledge, 'id' | 'campaignId' | 'backerId' | 'amount' | 'currency' | 'chargeSeq'>,
  fees: Fees,
  at: Date,
): LedgerTransactionInput {
  return {
    kind: 'pledge_collected',
    currency: p.currency,
    ref: { type: 'campaign', id: p.campaignId },
    memo: `pledge:${p.id}`,
    idempotencyKey: `pledge:${p.id}:collect:${p.chargeSeq}`,
    at,
    entries: [
      { account: LedgerAccounts.cardFunding(p.backerId), amount: -p.amount },
      { account: LedgerAccounts.paymentFees, amount: fees.payment },
      { account: LedgerAccounts.platformFees, amount: fees.platform },
      { account: LedgerAccounts.campaignEscrow(p.campaignId), amount: p.amount - fees.payment - fees.platform },
    ],
  };
}

/** Serializes everything that reads or moves a campaign's escrow. */
export function lockEscrow(tx: Executor, campaignId: string): Promise<void> {
  return lockKey(tx, `escrow:${campaignId}`);
}

/**
 * Moves whatever a settled campaign holds in escrow to its host's balance (inside the caller's transaction,
 * under the escrow lock): once at settlement, and again after each late collection. Moving "what is there"
 * makes a repeat move nothing.
 * @example await sweepEscrow(tx, campaign, now)
 */
export async function sweepEscrow(tx: Executor, campaign: Pick<Campaign, 'id' | 'currency' | 'hostOwner'>, at: Date): Promise<number> {
  await lockEscrow(tx, campaign.id);
  const escrow = LedgerAccounts.campaignEscrow(campaign.id);
  const held = await balanceOf(tx, escrow, campaign.currency);
  if (held === 0) return 0;
  await postTransaction(tx, {
    kind: 'escrow_release',
    currency: campaign.currency,
    ref: { type: 'campaign', id: campaign.id },
    memo: 'released to the host',
    at,
    entries: [
      { account: escrow, amount: -held },
      { account: LedgerAccounts.hostBalance(campaign.hostOwner), amount: held },
    ],
  });
  return held;
}

/** Collected after its campaign was settled (a fixed card, a resumed batch): what it brought goes to the host now. */
export async function releaseIfSettled(tx: Executor, campaignId: string, at: Date): Promise<void> {
  const campaign = await selectCampaign(tx, campaignId);
  if (campaign?.settledAt) await sweepEscrow(tx, campaign, at);
}
