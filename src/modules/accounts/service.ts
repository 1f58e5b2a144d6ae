import type { AppContext } from '../../context.js';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../db/errors.js';
import { DomainError, conflict, notFound } from '../../lib/errors.js';
import { newId, randomToken, sha256 } from '../../lib/ids.js';
import { reputationOf } from '../notifications/service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { deleteSession, insertSession, insertUser, selectUserByEmail, selectUserById, updateUser, type User } from './queries.js';

// The other use cases of the module, each in its own file, as callers have always found them here.
export { createToken, deleteToken, listTokens } from './api-tokens.js';
export { changePassword, endAccess, wrongPassword } from './change-password.js';
export { ensureOperator } from './ensure-operator.js';
export { confirmPasswordReset, requestPasswordReset } from './password-reset.js';
export type { User };

export const SESSION_TTL_MS = 30 * 24 * 3600_000;

/** The account as its owner sees it (never the password hash). */
export function toMe(u: User) {
  return { id: u.id, email: u.email, name: u.name, bio: u.bio, locale: u.locale, role: u.role, createdAt: u.createdAt.toISOString() };
}

/** The 409 for a sign-up with an address an account already uses. */
const emailTaken = () => conflict('email_taken', 'An account with this e-mail already exists: sign in instead.', { field: 'body.email' });

async function startSession(ctx: AppContext, userId: string) {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(ctx.clock.now().getTime() + SESSION_TTL_MS);
  await insertSession(ctx.db, { id: newId('ses'), tokenHash: sha256(token), userId, csrfToken, expiresAt });
  return { token, expiresAt, csrfToken };
}

export function findUserByEmail(ctx: Pick<AppContext, 'db'>, email: string): Promise<User | undefined> {
  return selectUserByEmail(ctx.db, email);
}

export async function signup(ctx: AppContext, input: { email: string; password: string; name: string; locale?: 'en' | 'fr' }) {
  if (await findUserByEmail(ctx, input.email)) {
    throw emailTaken();
  }
  const passwordHash = await hashPassword(input.password);
  const id = newId('usr');
  try {
    await insertUser(ctx.db, { id, email: input.email.trim(), passwordHash, name: input.name.trim(), locale: input.locale ?? 'en' });
  } catch (e) {
    // Two sign-ups racing for one address: the unique index decides.
    if (pgErrorCode(e) === UNIQUE_VIOLATION) {
      throw emailTaken();
    }
    throw e;
  }
  const user = await selectUserById(ctx.db, id);
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
  await deleteSession(ctx.db, sessionId);
}

export async function getUser(ctx: Pick<AppContext, 'db'>, id: string): Promise<User> {
  const u = await selectUserById(ctx.db, id);
  if (!u) throw notFound('user');
  return u;
}

export async function updateMe(ctx: AppContext, userId: string, patch: { name?: string; bio?: string; locale?: 'en' | 'fr' }) {
  return (await updateUser(ctx.db, userId, patch))!;
}

/** A public profile: what anyone may see of a person, with reputation. */
export async function publicProfile(ctx: AppContext, id: string) {
  const u = await getUser(ctx, id);
  return { id: u.id, name: u.name, bio: u.bio, createdAt: u.createdAt.toISOString(), reputation: await reputationOf(ctx.db, u.id) };
}
