// The accounts module's share of a personal-data export (GDPR art. 15, 20) and of an erasure (art. 17).
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { apiTokens, passwordResets, sessions, users } from '../../db/schema/accounts.js';
import { notFound } from '../../lib/errors.js';

/** The name an erased account is shown under, everywhere its id still appears. */
export const DELETED_ACCOUNT_NAME = 'Deleted account';

/** Where an erased account's e-mail was: unique per account, and `.invalid` can never receive mail. */
export const erasedEmail = (userId: string) => `erased+${userId}@deleted.invalid`;

/**
 * The account, its API tokens (names and dates) and its sessions (dates): never a password hash, a token or
 * token hash, nor a CSRF token.
 * @example const { account, apiTokens, sessions } = await exportPersonalData(db, userId)
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const [u] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!u) throw notFound('user');
  const tokens = await db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
  const live = await db
    .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.createdAt));
  return {
    account: { id: u.id, email: u.email, name: u.name, bio: u.bio, locale: u.locale, role: u.role, createdAt: u.createdAt },
    apiTokens: tokens,
    sessions: live,
  };
}

/**
 * Erases the account in the caller's transaction: the row stays (content and ledger entries keep pointing at the
 * id) but is anonymised: name "Deleted account", an unusable unique e-mail, a password hash nothing matches,
 * bio and locale cleared, role back to member; sessions, API tokens and reset links are deleted. Returns the
 * e-mail and name it had, for the other modules' clean-up, or null when the account was already erased.
 * @example const was = await eraseAccount(tx, userId, now) // { email: 'ann@example.org', name: 'Ann' }
 */
export async function eraseAccount(tx: Executor, userId: string, now: Date): Promise<{ email: string; name: string } | null> {
  const [before] = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .for('update');
  if (!before) return null;
  await tx
    .update(users)
    // `!` is never produced by argon2: no password verifies against this.
    .set({
      name: DELETED_ACCOUNT_NAME,
      email: erasedEmail(userId),
      passwordHash: '!erased',
      bio: '',
      locale: 'en',
      role: 'member',
      deletedAt: now,
    })
    .where(eq(users.id, userId));
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  await tx.delete(apiTokens).where(eq(apiTokens.userId, userId));
  await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
  return before;
}
