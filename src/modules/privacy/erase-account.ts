// GDPR article 17: erasing the signed-in person's account.
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { conflict } from '../../lib/errors.js';
import { DELETED_ACCOUNT_NAME, eraseAccount as anonymiseAccount } from '../accounts/personal-data.js';
import { getUser, wrongPassword } from '../accounts/service.js';
import { recordAccountErasure, type AuditFrom } from '../audit/record-audit.js';
import { verifyPassword } from '../accounts/passwords.js';
import { erasePersonalData as eraseCommunity } from '../community/personal-data.js';
import {
  cancelOpenPledges,
  erasePersonalData as eraseFunding,
  liveCampaignsHosted,
  pledgesInSettlement,
} from '../funding/personal-data.js';
import { erasePersonalData as eraseMail } from '../mail/personal-data.js';
import { erasePersonalData as eraseNotifications } from '../notifications/personal-data.js';
import { exportPersonalData as orgsOf, erasePersonalData as eraseMemberships, orgsOwnedAlone } from '../orgs/personal-data.js';

/**
 * The 409s that hold an erasure back: the last owner of an organization (it would be left without one), the host
 * of a live campaign (its backers are owed a host), and pledges in the middle of settlement (they will be charged
 * or voided shortly; the person may erase the account once that is done).
 */
async function checkNothingHoldsBack(ctx: AppContext, db: Executor, userId: string, lock: boolean) {
  const owned = await orgsOwnedAlone(db, userId, lock);
  if (owned.length) {
    throw conflict(
      'last_org_owner',
      `You are the last owner of ${owned.map((o) => o.name).join(', ')}: make someone else owner (or leave the organization to its other members) before deleting your account.`,
      { orgs: owned },
    );
  }
  const live = await liveCampaignsHosted(db, userId);
  if (live.length) {
    throw conflict(
      'hosts_live_campaign',
      `You host a live campaign (${live.map((c) => c.title).join(', ')}): it must end before you delete your account, as its backers are owed a host.`,
      {
        campaigns: live,
      },
    );
  }
  const settling = await pledgesInSettlement(db, userId, ctx.clock.now());
  if (settling.length) {
    throw conflict(
      'pledges_in_settlement',
      'Some of your pledges are being charged or voided now that their campaign has ended: try again once that is done.',
      { pledges: settling },
    );
  }
}

/**
 * Erases the signed-in person's account after checking their password (asked of everyone, session or API token).
 *
 * Removed or replaced: name ("Deleted account"), e-mail (an unusable unique placeholder), password hash, bio and
 * locale, sessions, API tokens, reset links, organization memberships, follows, launch sign-ups not yet sent (those
 * sent lose their address), the person's notifications (and their name in others'), the masked card number on
 * their pledges, and mail to their address in the outbox. Pending pledges are cancelled through the backer's cancel
 * flow first. Kept, under "Deleted account": what they wrote (comments, ideas, questions, answers, updates,
 * projects), votes, survey responses and task answers, collected pledges, and every ledger entry (append-only,
 * and kept for accounting; its accounts name the id only).
 * The erasure is recorded in the audit log (by account id) in the same transaction.
 * @example await eraseMyAccount(ctx, actor, { password: '…' }, auditContext(request)) // { erasedAt: '2026-…', pledgesCancelled: 1 }
 */
export async function eraseMyAccount(
  ctx: AppContext,
  actor: { userId: string; role: 'member' | 'operator' },
  input: { password: string },
  from?: AuditFrom,
) {
  const user = await getUser(ctx, actor.userId);
  // Why: a session left open, or a leaked API token, must not be enough to destroy an account.
  if (!(await verifyPassword(user.passwordHash, input.password))) throw wrongPassword('body.password');
  await checkNothingHoldsBack(ctx, ctx.db, user.id, false);
  const pledgesCancelled = await cancelOpenPledges(ctx, user.id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    // Checked again under the organizations' locks: nobody steps down or leaves meanwhile.
    await checkNothingHoldsBack(ctx, tx, user.id, true);
    const { organizations } = await orgsOf(tx, user.id);
    const was = await anonymiseAccount(tx, user.id, now);
    if (!was) return;
    await eraseMemberships(tx, user.id);
    await eraseCommunity(tx, user.id, was.email);
    await eraseNotifications(tx, user.id, { name: was.name, orgIds: organizations.map((o) => o.id) }, DELETED_ACCOUNT_NAME);
    await eraseFunding(tx, user.id);
    await eraseMail(tx, was.email);
    await recordAccountErasure(tx, user.id, from ?? { actorId: actor.userId, actorRole: actor.role, ip: null, requestId: null }, now);
  });
  return { erasedAt: now.toISOString(), pledgesCancelled };
}
