import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { totalsByRef, transactionsByRef } from '../ledger/service.js';
import { findCampaign } from './campaigns.js';

/** Who an account is, as the public may see it: backers stay anonymous. */
function publicAccount(account: string, campaignId: string): string {
  if (account.startsWith('external:card:')) return 'backer';
  if (account === `campaign:${campaignId}:escrow`) return 'campaign_escrow';
  if (account.startsWith('host:')) return 'host';
  if (account === 'platform:fees') return 'platform_fees';
  if (account === 'platform:payment_fees') return 'payment_fees';
  return 'other';
}

/**
 * The public transparency view of a campaign's money, from its ledger transactions: what backers gave,
 * what was refunded, the payment and platform fees, what went to the host and what escrow still holds,
 * with the identity `received − refunded = paymentFees + platformFees + toHost + inEscrow`; then the
 * transactions themselves (backers anonymous), oldest first, paged.
 * @example await campaignLedger(ctx, campaignId, null, { limit: 50 })
 */
export async function campaignLedger(ctx: AppContext, campaignId: string, actor: Actor | null, page: { limit: number; cursor?: string }) {
  const { campaign } = await findCampaign(ctx.db, campaignId, actor);
  const ref = { type: 'campaign', id: campaign.id };
  const rows = await totalsByRef(ctx.db, ref);
  const sum = (pred: (r: (typeof rows)[number]) => boolean) =>
    rows.filter((r) => r.currency === campaign.currency && pred(r)).reduce((s, r) => s + r.total, 0);
  const received = -sum((r) => r.accountClass === 'external:card' && r.kind === 'pledge_collected');
  const refunded = sum((r) => r.accountClass === 'external:card' && r.kind !== 'pledge_collected');
  const totals = {
    received,
    refunded,
    paymentFees: sum((r) => r.accountClass === 'platform:payment_fees'),
    platformFees: sum((r) => r.accountClass === 'platform:fees'),
    toHost: sum((r) => r.accountClass.startsWith('host:')),
    inEscrow: sum((r) => r.accountClass.startsWith('campaign:')),
  };
  const pos = decodeCursor(page.cursor);
  const txs = await transactionsByRef(ctx.db, ref, {
    limit: page.limit + 1,
    after: pos ? { at: new Date(String(pos.v)), id: pos.id } : null,
  });
  const items = txs.slice(0, page.limit).map((t) => ({
    id: t.id,
    kind: t.kind,
    at: t.createdAt.toISOString(),
    entries: t.entries.map((e) => ({ account: publicAccount(e.account, campaign.id), amount: e.amount })),
  }));
  const last = txs.length > page.limit ? txs[page.limit - 1] : undefined;
  return {
    campaignId: campaign.id,
    currency: campaign.currency,
    totals,
    balanced: totals.received - totals.refunded === totals.paymentFees + totals.platformFees + totals.toHost + totals.inEscrow,
    items,
    nextCursor: last ? encodeCursor({ v: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
