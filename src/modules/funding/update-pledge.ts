import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { pledges, type PledgeStatus } from '../../db/schema/funding.js';
import type { Actor } from '../../http/auth.js';
import { conflict, notFound } from '../../lib/errors.js';
import { loadCampaignTerms } from './campaign-terms.js';
import { checkPledgeTerms } from './create-pledge.js';
import { closedError } from './pledge-rule.js';
import { presentPledge, type Pledge } from './pledge-queries.js';
import type { ZUpdatePledgeRequest } from './schemas.js';
import { claimSlot, releaseSlot } from './slots.js';
import { rowsOf } from './util.js';

/** A backer's own pledge, or a 404 (another person's pledge is not theirs to see). */
export async function ownPledge(db: Executor, actor: Actor, id: string): Promise<Pledge> {
  const [p] = await db.select().from(pledges).where(eq(pledges.id, id)).limit(1);
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
  const statusList = sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );
  // The campaign part of the pledge rule (pledge-rule.ts), in SQL so that it holds at the instant of the lock.
  const result = await tx.execute(sql`
    UPDATE pledges p SET updated_at = ${now.toISOString()}::timestamptz
    WHERE p.id = ${pledge.id} AND p.status IN (${statusList})
      AND (${!requireLive} OR EXISTS (SELECT 1 FROM campaigns c WHERE c.id = p.campaign_id AND c.status = 'live' AND c.closed_at IS NULL AND c.deadline > ${now.toISOString()}::timestamptz))
    RETURNING p.id`);
  if (rowsOf(result).length) {
    const [locked] = await tx.select().from(pledges).where(eq(pledges.id, pledge.id));
    return locked!;
  }
  const [current] = await tx.select().from(pledges).where(eq(pledges.id, pledge.id));
  if (current && !statuses.includes(current.status)) {
    throw conflict(
      'pledge_not_changeable',
      `This pledge is ${current.status === 'charging' ? 'being charged' : current.status}: it can no longer change.`,
    );
  }
  const result2 = await tx.execute(sql`SELECT status, closed_at, deadline FROM campaigns WHERE id = ${pledge.campaignId}`);
  const c = rowsOf<{ status: string; deadline: string | Date }>(result2)[0];
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
    const [row] = await tx
      .update(pledges)
      .set({
        amount: checked.amount,
        tierId: checked.tierId,
        shippingCountry: checked.shippingCountry,
        shippingCost: checked.shippingCost,
        updatedAt: now,
      })
      .where(and(eq(pledges.id, current.id)))
      .returning();
    return row!;
  });
  return presentPledge(updated);
}
