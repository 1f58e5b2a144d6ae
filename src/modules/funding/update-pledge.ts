import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { conflict, notFound } from '../../lib/errors.js';
import { selectCampaign } from './campaign-queries.js';
import { loadCampaignTerms } from './campaign-terms.js';
import { checkPledgeTerms, closedError } from './pledge-rule.js';
import { presentPledge, selectPledge, touchPledgeIfChangeable, updatePledgeRow, type Pledge, type PledgeStatus } from './pledge-queries.js';
import type { ZUpdatePledgeRequest } from './schemas.js';
import { claimSlot, releaseSlot } from './tier-queries.js';

/** A backer's own pledge, or a 404 (another person's pledge is not theirs to see). */
export async function ownPledge(db: Executor, actor: Actor, id: string): Promise<Pledge> {
  const p = await selectPledge(db, id);
  // Why: a pledge is its backer's; to anyone else it does not exist here (hosts see it through their campaign).
  if (!p || p.backerId !== actor.userId) throw notFound('pledge');
  return p;
}

/**
 * Locks a backer's pledge for a change, in the caller's transaction, only if its campaign still takes
 * changes (live, before its deadline) and the pledge is in one of `statuses`. Being a write to pledges,
 * it also makes settlement wait for this transaction before deciding (see waitForPledgeWriters).
 */
export async function lockPledgeForChange(
  tx: Executor,
  pledge: Pledge,
  statuses: PledgeStatus[],
  now: Date,
  requireLive = true,
): Promise<Pledge> {
  if (await touchPledgeIfChangeable(tx, pledge.id, statuses, now, requireLive)) return (await selectPledge(tx, pledge.id))!;
  const current = await selectPledge(tx, pledge.id);
  if (current && !statuses.includes(current.status)) {
    throw conflict(
      'pledge_not_changeable',
      `This pledge is ${current.status === 'charging' ? 'being charged' : current.status}: it can no longer change.`,
    );
  }
  const c = await selectCampaign(tx, pledge.campaignId);
  throw closedError(c?.status ?? 'ended', new Date(c?.deadline ?? now), now);
}

/**
 * Changes a pledge before the deadline (its backer): amount, reward tier, shipping country. A pledge not yet
 * charged changes freely within the tier's terms; a charged one (keep-it-all, donation) keeps its amount.
 * Moving to a limited tier claims a place there, and the old place is freed.
 * @example await updatePledge(ctx, actor, pledgeId, { amount: 5000, tierId: 'tier_…' })
 */
export async function updatePledge(ctx: AppContext, actor: Actor, id: string, patch: z.infer<typeof ZUpdatePledgeRequest>) {
  const pledge = await ownPledge(ctx.db, actor, id);
  const terms = await loadCampaignTerms(ctx, pledge.campaignId);
  const now = ctx.clock.now();
  const wanted = {
    amount: patch.amount ?? pledge.amount,
    tierId: patch.tierId !== undefined ? patch.tierId : pledge.tierId,
    shippingCountry: patch.shippingCountry !== undefined ? patch.shippingCountry : pledge.shippingCountry,
  };
  const checked = checkPledgeTerms(terms, wanted, now);
  if (pledge.status === 'collected' && checked.amount !== pledge.amount) {
    throw conflict(
      'pledge_collected',
      'This pledge was charged already: its amount cannot change (cancel it for a refund, then pledge again).',
      { field: 'body.amount' },
    );
  }
  const updated = await ctx.db.transaction(async (tx) => {
    const current = await lockPledgeForChange(tx, pledge, ['pending', 'collected'], now);
    if (current.tierId !== checked.tierId) {
      await releaseSlot(tx, current.id);
      if (checked.limited && !(await claimSlot(tx, checked.tierId!, current.id))) {
        throw conflict('tier_sold_out', 'This reward is sold out: choose another one.', { field: 'body.tierId' });
      }
    }
    const row = await updatePledgeRow(tx, current.id, {
      amount: checked.amount,
      tierId: checked.tierId,
      shippingCountry: checked.shippingCountry,
      shippingCost: checked.shippingCost,
      updatedAt: now,
    });
    return row!;
  });
  return presentPledge(updated);
}
