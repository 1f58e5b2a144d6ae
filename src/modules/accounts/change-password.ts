// Changing one's password, and what every password change does: end the other sessions, revoke the API tokens, say so.
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { DomainError, notFound } from '../../lib/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { queueMail } from '../mail/service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { deleteApiTokensOf, deleteSessionsOf, selectUserById, updateUser, type User } from './queries.js';

/**
 * Ends a person's sessions (all of them, or all but `keepSessionId`) and revokes all their API tokens, in the
 * caller's transaction. The lookups in http/actor-lookup.ts read these tables on every request (nothing is
 * cached), so a deleted session or token answers 401 from the next request on.
 * @example await endAccess(tx, userId, actor.sessionId) // { sessions: 2, tokens: 1 }
 */
export async function endAccess(tx: Executor, userId: string, keepSessionId?: string): Promise<{ sessions: number; tokens: number }> {
  const sessions = await deleteSessionsOf(tx, userId, keepSessionId);
  return { sessions, tokens: await deleteApiTokensOf(tx, userId) };
}

/** The e-mail telling a person their password changed, and that their other sessions and API tokens were ended. */
export function passwordChangedMail(
  ctx: Pick<AppContext, 'config'>,
  user: User,
  ended: { sessions: number; tokens: number },
  how: 'reset' | 'change',
) {
  const fr = user.locale === 'fr';
  const link = `${ctx.config.FOULE_PUBLIC_URL}/reset-password`;
  const where =
    how === 'reset' ? (fr ? 'toutes vos sessions' : 'every session') : fr ? 'toutes vos autres sessions' : 'every other session';
  return {
    to: user.email,
    subject: fr ? 'Votre mot de passe Foule a changé' : 'Your Foule password was changed',
    text: fr
      ? `Bonjour ${user.name},\n\nLe mot de passe de votre compte Foule vient d’être changé. Par sécurité, nous avons fermé ${where} et révoqué tous vos jetons d’API.\nSessions fermées : ${ended.sessions}. Jetons d’API révoqués : ${ended.tokens}.\n\nSi vous n’êtes pas à l’origine de ce changement, choisissez tout de suite un nouveau mot de passe :\n${link}\n`
      : `Hello ${user.name},\n\nThe password of your Foule account was just changed. To be safe, we ended ${where} and revoked every API token.\nSessions ended: ${ended.sessions}. API tokens revoked: ${ended.tokens}.\n\nIf you did not make this change, choose a new password at once:\n${link}\n`,
  };
}

/** The audit entry of the API tokens a password reset or change revoked (none: no entry). */
export async function auditTokensRevoked(tx: Executor, user: User, tokens: number, how: 'reset' | 'change', at: Date) {
  if (!tokens) return;
  await recordAudit(
    tx,
    {
      action: 'api_token.revoke_all',
      targetType: 'user',
      targetId: user.id,
      summary: `Revoked ${tokens} API token${tokens > 1 ? 's' : ''} of ${user.id}: password ${how === 'reset' ? 'reset' : 'changed'}`,
      data: { tokens, cause: `password_${how}` },
      at,
    },
    { actorId: user.id, actorRole: user.role, ip: null, requestId: null },
  );
}

/** The 403 for a wrong password where the current one is asked again, naming the field. */
export function wrongPassword(field: string) {
  return new DomainError('wrong_password', 'This is not your current password.', { field });
}

/**
 * Changes the signed-in person's password after checking the current one. The caller's own session stays
 * signed in; every other session ends and every API token is revoked (a token caller's included); an e-mail says so.
 * @example await changePassword(ctx, actor, { currentPassword: '…', newPassword: '…' }) // { sessionsEnded: 1, tokensRevoked: 2 }
 */
export async function changePassword(
  ctx: AppContext,
  actor: { userId: string; sessionId?: string },
  input: { currentPassword: string; newPassword: string },
) {
  const user = await selectUserById(ctx.db, actor.userId);
  if (!user) throw notFound('user');
  // Why: a session left open on a shared computer must not be enough to take over the account.
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw wrongPassword('body.currentPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash });
    const ended = await endAccess(tx, user.id, actor.sessionId);
    await auditTokensRevoked(tx, user, ended.tokens, 'change', ctx.clock.now());
    await queueMail(tx, passwordChangedMail(ctx, user, ended, 'change'));
    return { sessionsEnded: ended.sessions, tokensRevoked: ended.tokens };
  });
}
