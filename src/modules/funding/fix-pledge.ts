import { and, eq, gt, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { pledges } from '../../db/schema/funding.js';
import type { Actor } from '../../http/auth.js';
import { conflict } from '../../lib/errors.js';
import { providerForPayment, type PaymentMethodInput } from '../payments/service.js';
import { chargeBatch, CHARGE_LEASE_MS } from './charge-batch.js';
import { presentPledge } from './pledge-queries.js';
import { ownPledge } from './update-pledge.js';
import { declineError } from './util.js';
import { recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { campaigns } from '../../db/schema/funding.js';

/**
 * Fixes an errored pledge with another card (its backer, within 7 days of the failed charge): the card is
 * verified and charged at once. Collected, the pledge counts as raised and its money goes to the host; a
 * refused card is a 402 and the pledge stays errored (same deadline) for another try.
 * @example await fixPledge(ctx, actor, pledgeId, { type: 'test_card', number: '4242424242424242' })
 */
export async function fixPledge(ctx: AppContext, actor: Actor, id: string, payment: PaymentMethodInput, from?: AuditFrom) {
  const pledge = await ownPledge(ctx.db, actor, id);
  const now = ctx.clock.now();
  if (pledge.status !== 'errored')
    throw conflict('pledge_not_errored', 'Only a pledge whose charge failed needs fixing; this one does not.');
  if (!pledge.fixDeadline || pledge.fixDeadline <= now)
    throw conflict('fix_window_closed', 'The 7 days to fix this pledge are over: it was dropped.');
  const saved = await providerForPayment(ctx, payment).saveMethod(payment);
  if (!saved.ok) throw declineError(saved.decline);
  const claimed = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(pledges)
      .set({
        status: 'charging',
        provider: saved.method.provider,
        methodToken: saved.method.token,
        methodLabel: saved.method.label,
        chargeSeq: sql`${pledges.chargeSeq} + 1`,
        leaseUntil: new Date(now.getTime() + CHARGE_LEASE_MS),
        updatedAt: now,
      })
      .where(and(eq(pledges.id, pledge.id), eq(pledges.status, 'errored'), gt(pledges.fixDeadline, now)))
      .returning();
    if (row) {
      const [campaign] = await tx.select({ projectId: campaigns.projectId }).from(campaigns).where(eq(campaigns.id, row.campaignId));
      await recordAudit(
        tx,
        {
          action: 'pledge.fix',
          targetType: 'pledge',
          targetId: row.id,
          projectId: campaign?.projectId ?? null,
          summary: `Fixed pledge ${row.id} with another card (${saved.method.label}); charging ${row.amount} ${row.currency} (minor units) again`,
          data: {
            campaignId: row.campaignId,
            amount: row.amount,
            currency: row.currency,
            chargeSeq: row.chargeSeq,
            card: saved.method.label,
          },
          at: now,
        },
        from ?? actor,
      );
    }
    return row;
  });
  if (!claimed) throw conflict('pledge_not_errored', 'This pledge changed meanwhile: reload it.');
  const outcome = await chargeBatch(ctx, [claimed], 1);
  const refused = outcome.errored[0];
  if (refused) throw declineError({ code: 'card_declined', message: refused.message });
  const [after] = await ctx.db.select().from(pledges).where(eq(pledges.id, pledge.id));
  return presentPledge(after!);
}
