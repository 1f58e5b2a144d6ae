import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { AppContext } from '../../context.js';
import { users, sessions, apiTokens, passwordResets } from '../../db/schema/accounts.js';
import { newId, randomToken, sha256 } from '../../lib/ids.js';
import { DomainError, conflict, notFound } from '../../lib/errors.js';
import { queueMail } from '../mail/service.js';
import { reputationOf } from '../notifications/service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { quote, recordAudit, SYSTEM, type AuditFrom } from '../audit/record-audit.js';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../db/errors.js';

export const SESSION_TTL_MS = 30 * 24 * 3600_000;
const RESET_TTL_MS = 3600_000;

export type User = typeof users.$inferSelect;

/** The account as its owner sees it (never the password hash). */
export function toMe(u: User) {
  return { id: u.id, email: u.email, name: u.name, bio: u.bio, locale: u.locale, role: u.role, createdAt: u.createdAt.toISOString() };
}

async function startSession(ctx: AppContext, userId: string) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(ctx.clock.now().getTime() + SESSION_TTL_MS);
  await ctx.db.insert(sessions).values({ id: newId('ses'), tokenHash: sha256(token), userId, csrfToken, expiresAt });
  return { token, expiresAt, csrfToken };
}

export async function findUserByEmail(ctx: Pick<AppContext, 'db'>, email: string): Promise<User | undefined> {
  const [u] = await ctx.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return u;
}

export async function signup(ctx: AppContext, input: { email: string; password: string; name: string; locale?: 'en' | 'fr' }) {
  if (await findUserByEmail(ctx, input.email)) {
    throw conflict('email_taken', 'An account with this e-mail already exists: sign in instead.', { field: 'body.email' });
  }
  const passwordHash = await hashPassword(input.password);
  const id = newId('usr');
  try {
    await ctx.db
      .insert(users)
      .values({ id, email: input.email.trim(), passwordHash, name: input.name.trim(), locale: input.locale ?? 'en' });
  } catch (e) {
    // Two sign-ups racing for one address: the unique index decides.
    if (pgErrorCode(e) === UNIQUE_VIOLATION) {
      throw conflict('email_taken', 'An account with this e-mail already exists: sign in instead.', { field: 'body.email' });
    }
    throw e;
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.id, id));
  return { user: user!, session: await startSession(ctx, id) };
}

export async function login(ctx: AppContext, input: { email: string; password: string }) {
  const user = await findUserByEmail(ctx, input.email);
  if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) {
    throw new DomainError('invalid_credentials', 'Wrong e-mail or password.');
  }
  return { user, session: await startSession(ctx, user.id) };
}

export async function logout(ctx: AppContext, sessionId: string) {
  await ctx.db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function getUser(ctx: Pick<AppContext, 'db'>, id: string): Promise<User> {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!u) throw notFound('user');
  return u;
}

export async function updateMe(ctx: AppContext, userId: string, patch: { name?: string; bio?: string; locale?: 'en' | 'fr' }) {
  const [u] = await ctx.db.update(users).set(patch).where(eq(users.id, userId)).returning();
  return u!;
}

/** A public profile: what anyone may see of a person, with reputation. */
export async function publicProfile(ctx: AppContext, id: string) {
  const u = await getUser(ctx, id);
  return { id: u.id, name: u.name, bio: u.bio, createdAt: u.createdAt.toISOString(), reputation: await reputationOf(ctx.db, u.id) };
}

export async function createToken(ctx: AppContext, userId: string, name: string, from?: AuditFrom) {
  const token = `foule_${randomToken()}`;
  const id = newId('tok');
  await ctx.db.transaction(async (tx) => {
    await tx.insert(apiTokens).values({ id, userId, name, tokenHash: sha256(token), tokenPrefix: token.slice(0, 10) });
    await recordAudit(
      tx,
      {
        action: 'api_token.create',
        targetType: 'api_token',
        targetId: id,
        summary: `Created API token ${quote(name)} (${token.slice(0, 10)}…) for ${userId}`,
        data: { userId, name, prefix: token.slice(0, 10) },
        at: ctx.clock.now(),
      },
      from ?? ownAccount(userId),
    );
  });
  return { id, name, token };
}

export async function listTokens(ctx: AppContext, userId: string) {
  const rows = await ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.tokenPrefix,
      lastUsedAt: apiTokens.lastUsedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => ({ ...r, lastUsedAt: r.lastUsedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() }));
}

export async function deleteToken(ctx: AppContext, userId: string, id: string, from?: AuditFrom) {
  await ctx.db.transaction(async (tx) => {
    // Why: a token is deleted only by its owner; another person's id answers as not found.
    const rows = await tx
      .delete(apiTokens)
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.tokenPrefix });
    if (!rows.length) throw notFound('token');
    await recordAudit(
      tx,
      {
        action: 'api_token.revoke',
        targetType: 'api_token',
        targetId: id,
        summary: `Revoked API token ${quote(rows[0]!.name)} (${rows[0]!.prefix}…) of ${userId}`,
        data: { userId, name: rows[0]!.name, prefix: rows[0]!.prefix },
        at: ctx.clock.now(),
      },
      from ?? ownAccount(userId),
    );
  });
}

/** Starts a password reset: always answers the same, whether or not the address has an account. */
export async function requestPasswordReset(ctx: AppContext, email: string) {
  const user = await findUserByEmail(ctx, email);
  if (!user) return;
  const token = randomToken();
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(passwordResets)
      .values({ tokenHash: sha256(token), userId: user.id, expiresAt: new Date(ctx.clock.now().getTime() + RESET_TTL_MS) });
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
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: ctx.clock.now() })
      .where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, ctx.clock.now())))
      .returning();
    if (!reset)
      throw new DomainError('invalid_reset_token', 'This reset link is invalid or has expired: ask for a new one.', {
        field: 'body.token',
      });
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).returning();
    // Why: a reset signs out every session and revokes every API token, in case the old password was stolen.
    const ended = await endAccess(tx, reset.userId);
    await auditTokensRevoked(tx, user!, ended.tokens, 'reset', ctx.clock.now());
    await queueMail(tx, passwordChangedMail(ctx, user!, ended, 'reset'));
  });
}

/**
 * Ends a person's sessions (all of them, or all but `keepSessionId`) and revokes all their API tokens, in the
 * caller's transaction. The lookups in http/actor-lookup.ts read these tables on every request (nothing is
 * cached), so a deleted session or token answers 401 from the next request on.
 * @example await endAccess(tx, userId, actor.sessionId) // { sessions: 2, tokens: 1 }
 */
export async function endAccess(tx: Executor, userId: string, keepSessionId?: string): Promise<{ sessions: number; tokens: number }> {
  const ended = await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
    .returning({ id: sessions.id });
  const revoked = await tx.delete(apiTokens).where(eq(apiTokens.userId, userId)).returning({ id: apiTokens.id });
  return { sessions: ended.length, tokens: revoked.length };
}

/** The e-mail telling a person their password changed, and that their other sessions and API tokens were ended. */
function passwordChangedMail(
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
  const user = await getUser(ctx, actor.userId);
  // Why: a session left open on a shared computer must not be enough to take over the account.
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw wrongPassword('body.currentPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    const ended = await endAccess(tx, user.id, actor.sessionId);
    await auditTokensRevoked(tx, user, ended.tokens, 'change', ctx.clock.now());
    await queueMail(tx, passwordChangedMail(ctx, user, ended, 'change'));
    return { sessionsEnded: ended.sessions, tokensRevoked: ended.tokens };
  });
}

/** The 403 for a wrong password where the current one is asked again, naming the field. */
export function wrongPassword(field: string) {
  return new DomainError('wrong_password', 'This is not your current password.', { field });
}

/** A person acting on their own account, when the route passed no request details. */
function ownAccount(userId: string): AuditFrom {
  return { actorId: userId, actorRole: 'member', ip: null, requestId: null };
}

/** The audit entry of the API tokens a password reset or change revoked (none: no entry). */
async function auditTokensRevoked(tx: Executor, user: User, tokens: number, how: 'reset' | 'change', at: Date) {
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

/**
 * Creates the operator account from FOULE_ADMIN_EMAIL/PASSWORD (`source` 'env', at start) or `foule operator create`
 * ('cli'), or updates its password and role. Each change is in the audit log, by the system.
 */
export async function ensureOperator(ctx: AppContext, email: string, password: string, name = 'Operator', source: 'env' | 'cli' = 'env') {
  const passwordHash = await hashPassword(password);
  const existing = await findUserByEmail(ctx, email);
  const how = source === 'env' ? 'FOULE_ADMIN_EMAIL' : 'foule operator create';
  if (existing) {
    // A restart with the same settings changes nothing worth a record; a new role or password does.
    const promoted = existing.role !== 'operator';
    const newPassword = !(await verifyPassword(existing.passwordHash, password));
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, role: 'operator' }).where(eq(users.id, existing.id));
      if (promoted || newPassword) {
        await recordAudit(
          tx,
          {
            action: promoted ? 'operator.grant' : 'operator.password_set',
            targetType: 'user',
            targetId: existing.id,
            summary: promoted ? `Made ${existing.id} an operator (${how})` : `Set a new password for operator ${existing.id} (${how})`,
            data: { source, promoted, newPassword },
            at: ctx.clock.now(),
          },
          SYSTEM,
        );
      }
    });
    return existing.id;
  }
  const id = newId('usr');
  await ctx.db.transaction(async (tx) => {
    await tx.insert(users).values({ id, email, passwordHash, name, role: 'operator' });
    await recordAudit(
      tx,
      {
        action: 'operator.create',
        targetType: 'user',
        targetId: id,
        summary: `Created operator account ${id} (${how})`,
        data: { source },
        at: ctx.clock.now(),
      },
      SYSTEM,
    );
  });
  return id;
}
