import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { conflict } from '../../lib/errors.js';
import type { AuditFrom } from '../audit/record-audit.js';
import { providerForPayment, type PaymentMethodInput } from '../payments/service.js';
import { chargeBatch, CHARGE_LEASE_MS } from './charge-batch.js';
import { auditPledge } from './pledge-audit.js';
import { presentPledge, rechargeErroredPledge, selectPledge } from './pledge-queries.js';
import { ownPledge } from './update-pledge.js';
import { declineError } from './util.js';

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
    const row = await rechargeErroredPledge(tx, pledge.id, saved.method, now, new Date(now.getTime() + CHARGE_LEASE_MS));
    if (row) {
      await auditPledge(
        tx,
        {
          action: 'pledge.fix',
          pledgeId: row.id,
          campaignId: row.campaignId,
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
  return presentPledge((await selectPledge(ctx.db, pledge.id))!);
}
