import { and, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { payouts } from '../../db/schema/funding.js';
import type { Actor } from '../../http/auth.js';
import { conflict, forbidden } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { CURRENCIES } from '../../http/schemas.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { balanceOf, balancesOf, postTransaction } from '../ledger/service.js';
import { canManageOrg, findOrg } from '../orgs/service.js';
import { paymentProvider } from '../payments/service.js';
import { lockHostBalance } from './refunds.js';
import { recordAudit, type AuditFrom } from '../audit/record-audit.js';

export type Payout = typeof payouts.$inferSelect;

/** Payouts go through the built-in provider (the only one this instance has). */
const PAYOUT_PROVIDER = 'test';

export function presentPayout(p: Payout) {
  return {
    id: p.id,
    owner: p.owner,
    amount: { amount: p.amount, currency: p.currency },
    status: p.status,
    failureMessage: p.failureMessage,
    createdAt: p.createdAt.toISOString(),
    completedAt: p.completedAt?.toISOString() ?? null,
  };
}

/**
 * The host balance an actor may act on: an organization's (its owners and admins, or an operator) or
 * their own (`user:<id>`, for projects without an organization).
 */
export async function balanceOwner(ctx: AppContext, actor: Actor, orgIdOrSlug?: string): Promise<string> {
  if (!orgIdOrSlug) return `user:${actor.userId}`;
  const org = await findOrg(ctx.db, orgIdOrSlug);
  // Why: an organization's money is moved and seen by its owners and admins only (and operators).
  if (actor.role !== 'operator' && !(await canManageOrg(ctx.db, org.id, actor.userId))) {
    throw forbidden('Only an owner or admin of this organization can see or pay out its balance.');
  }
  return `org:${org.id}`;
}

/**
 * A host's balances (what it may pay out), per currency, with its recent payouts.
 * @example await hostBalance(ctx, 'org:org_…') // { owner, balances: [{ currency: 'EUR', available: 91250 }], payouts: [...] }
 */
export async function hostBalance(ctx: AppContext, owner: string) {
  const rows = await balancesOf(ctx.db, { accounts: [LedgerAccounts.hostBalance(owner)] });
  const recent = await ctx.db.select().from(payouts).where(eq(payouts.owner, owner)).orderBy(desc(payouts.createdAt)).limit(20);
  return {
    owner,
    balances: CURRENCIES.flatMap((currency) => {
      const found = rows.find((r) => r.currency === currency);
      return found ? [{ currency, available: found.balance }] : [];
    }),
    payouts: recent.map(presentPayout),
  };
}

/**
 * Pays out a host's balance (whole, or `amount`) to its bank account, in two steps safe to resume: the
 * payout and its ledger transaction are recorded under the balance's lock (never more than there is), then
 * the processor is asked (keyed by the payout), then the outcome is recorded; a refusal is reversed.
 * @example await createPayout(ctx, actor, { orgId, currency: 'EUR' })
 */
export async function createPayout(
  ctx: AppContext,
  actor: Actor,
  input: { orgId?: string; currency: string; amount?: number },
  from?: AuditFrom,
) {
  const owner = await balanceOwner(ctx, actor, input.orgId);
  const now = ctx.clock.now();
  const payout = await ctx.db.transaction(async (tx) => {
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
    await tx.insert(payouts).values(row);
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
  return presentPayout(await completePayout(ctx, payout.id));
}

/** Step two of a payout: the processor sends the money (once per payout), and the outcome is recorded. */
export async function completePayout(ctx: AppContext, id: string): Promise<Payout> {
  const [payout] = await ctx.db.select().from(payouts).where(eq(payouts.id, id));
  if (!payout || payout.status !== 'processing') return payout!;
  const result = await paymentProvider(ctx, PAYOUT_PROVIDER).payout({
    idempotencyKey: `payout:${payout.id}`,
    destination: payout.owner,
    amount: payout.amount,
    currency: payout.currency,
  });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [done] = await tx
      .update(payouts)
      .set(
        result.ok
          ? { status: 'paid', providerRef: result.payoutId, completedAt: now }
          : { status: 'failed', failureMessage: result.message, completedAt: now },
      )
      .where(and(eq(payouts.id, payout.id), eq(payouts.status, 'processing')))
      .returning();
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
