import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { CURRENCIES } from '../../http/schemas.js';
import { forbidden } from '../../lib/errors.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { balancesOf } from '../ledger/service.js';
import { canManageOrg, findOrg } from '../orgs/service.js';
import { presentPayout, selectRecentPayouts } from './payout-queries.js';

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
  const recent = await selectRecentPayouts(ctx.db, owner, 20);
  return {
    owner,
    balances: CURRENCIES.flatMap((currency) => {
      const found = rows.find((r) => r.currency === currency);
      return found ? [{ currency, available: found.balance }] : [];
    }),
    payouts: recent.map(presentPayout),
  };
}
