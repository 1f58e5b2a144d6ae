import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { conflict } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { balanceOf, postTransaction } from '../ledger/service.js';
import { paymentProvider } from '../payments/service.js';
import { balanceOwner } from './host-balance.js';
import { lockHostBalance } from './lock-queries.js';
import { completePayoutRow, insertPayout, presentPayout, selectPayout, type Payout } from './payout-queries.js';

export type { Payout };

/** Payouts go through the built-in provider (the only one this instance has). */
const PAYOUT_PROVIDER = 'test';

/**
 * Pays out a host's balance (whole, or `amount`) to its bank account, in two steps safe to resume: the
 * payout and its ledger transaction are recorded under the balance's lock (never more than there is), then
 * the processor is asked (keyed by the payout), then the outcome is recorded; a refusal is reversed.
 * @example await createPayout(ctx, actor, { orgId, currency: 'EUR' })
 */
export async function createPayout(ctx: AppContext, actor: Actor, input: PayoutInput, from?: AuditFrom) {
  const owner = await balanceOwner(ctx, actor, input.orgId);
  const payout = await recordPayout(ctx, actor, owner, input, from);
  return presentPayout(await completePayout(ctx, payout.id));
}

type PayoutInput = { orgId?: string; currency: string; amount?: number };

/** Step one: under the balance's lock, the payout, its ledger transaction and its audit entry (never more than there is). */
function recordPayout(ctx: AppContext, actor: Actor, owner: string, input: PayoutInput, from?: AuditFrom): Promise<Payout> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await lockHostBalance(tx, owner, input.currency);
    const available = await balanceOf(tx, LedgerAccounts.hostBalance(owner), input.currency);
    const amount = input.amount ?? available;
    if (amount <= 0) throw conflict('nothing_to_pay_out', `There is no ${input.currency} balance to pay out.`, { available });
    if (amount > available)
      throw conflict('insufficient_balance', `Only ${available} (minor units) can be paid out.`, { field: 'body.amount', available });
    const row: Payout = {
      id: newId('pay'),
      owner,
      currency: input.currency,
      amount,
      requestedBy: actor.userId,
      status: 'processing',
      providerRef: null,
      failureMessage: null,
      createdAt: now,
      completedAt: null,
    };
    await insertPayout(tx, row);
    await postTransaction(tx, {
      kind: 'payout',
      currency: input.currency,
      ref: { type: 'payout', id: row.id },
      memo: `payout to ${owner}`,
      idempotencyKey: `payout:${row.id}`,
      at: now,
      entries: [
        { account: LedgerAccounts.hostBalance(owner), amount: -amount },
        { account: LedgerAccounts.payoutDestination(owner), amount },
      ],
    });
    await recordAudit(
      tx,
      {
        action: 'payout.create',
        targetType: 'payout',
        targetId: row.id,
        orgId: owner.startsWith('org:') ? owner.slice(4) : null,
        summary: `Paid out ${amount} ${input.currency} (minor units) of the balance of ${owner}`,
        data: { owner, amount, currency: input.currency, available },
        at: now,
      },
      from ?? actor,
    );
    return row;
  });
}

/** Step two of a payout: the processor sends the money (once per payout), and the outcome is recorded. */
export async function completePayout(ctx: AppContext, id: string): Promise<Payout> {
  const payout = await selectPayout(ctx.db, id);
  if (payout?.status !== 'processing') return payout!;
  const result = await paymentProvider(ctx, PAYOUT_PROVIDER).payout({
    idempotencyKey: `payout:${payout.id}`,
    destination: payout.owner,
    amount: payout.amount,
    currency: payout.currency,
  });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const done = await completePayoutRow(
      tx,
      payout.id,
      result.ok
        ? { status: 'paid', providerRef: result.payoutId, completedAt: now }
        : { status: 'failed', failureMessage: result.message, completedAt: now },
    );
    if (done && !result.ok) {
      await postTransaction(tx, {
        kind: 'payout_reversal',
        currency: payout.currency,
        ref: { type: 'payout', id: payout.id },
        memo: 'refused by the processor',
        idempotencyKey: `payout:${payout.id}:reversal`,
        at: now,
        entries: [
          { account: LedgerAccounts.payoutDestination(payout.owner), amount: -payout.amount },
          { account: LedgerAccounts.hostBalance(payout.owner), amount: payout.amount },
        ],
      });
    }
    return done ?? payout;
  });
}
