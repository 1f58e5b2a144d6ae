// Resetting a forgotten password through a link sent by e-mail.
import type { AppContext } from '../../context.js';
import { DomainError } from '../../lib/errors.js';
import { randomToken, sha256 } from '../../lib/ids.js';
import { queueMail } from '../mail/service.js';
import { auditTokensRevoked, endAccess, passwordChangedMail } from './change-password.js';
import { hashPassword } from './passwords.js';
import { insertPasswordReset, markPasswordResetUsed, selectUserByEmail, updateUser } from './queries.js';

const RESET_TTL_MS = 3600_000;

/** Starts a password reset: always answers the same, whether or not the address has an account. */
export async function requestPasswordReset(ctx: AppContext, email: string) {
  const user = await selectUserByEmail(ctx.db, email);
  if (!user) return;
  const token = randomToken();
  await ctx.db.transaction(async (tx) => {
    await insertPasswordReset(tx, {
      tokenHash: sha256(token),
      userId: user.id,
      expiresAt: new Date(ctx.clock.now().getTime() + RESET_TTL_MS),
    });
    const link = `${ctx.config.FOULE_PUBLIC_URL}/reset-password?token=${token}`;
    await queueMail(tx, {
      to: user.email,
      subject: user.locale === 'fr' ? 'Réinitialiser votre mot de passe Foule' : 'Reset your Foule password',
      text:
        user.locale === 'fr'
          ? `Bonjour ${user.name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n${link}\n`
          : `Hello ${user.name},\n\nTo choose a new password, open this link (valid for one hour):\n${link}\n`,
    });
  });
}

export async function confirmPasswordReset(ctx: AppContext, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const reset = await markPasswordResetUsed(tx, sha256(token), ctx.clock.now());
    if (!reset)
      throw new DomainError('invalid_reset_token', 'This reset link is invalid or has expired: ask for a new one.', {
        field: 'body.token',
      });
    const user = await updateUser(tx, reset.userId, { passwordHash });
    // Why: a reset signs out every session and revokes every API token, in case the old password was stolen.
    const ended = await endAccess(tx, reset.userId);
    await auditTokensRevoked(tx, user!, ended.tokens, 'reset', ctx.clock.now());
    await queueMail(tx, passwordChangedMail(ctx, user!, ended, 'reset'));
  });
}
