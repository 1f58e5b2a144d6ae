// The accounts module's share of a personal-data export (GDPR art. 15, 20) and of an erasure (art. 17).
import type { Executor } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import {
  deleteApiTokensOf,
  deletePasswordResetsOf,
  deleteSessionsOf,
  lockLiveUser,
  selectApiTokensOf,
  selectSessionsOf,
  selectUserById,
  updateUser,
} from './queries.js';

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
  const u = await selectUserById(db, userId);
  if (!u) throw notFound('user');
  const tokens = await selectApiTokensOf(db, userId);
  const live = await selectSessionsOf(db, userId);
  return {
    account: { id: u.id, email: u.email, name: u.name, bio: u.bio, locale: u.locale, role: u.role, createdAt: u.createdAt },
    apiTokens: tokens.map((t) => ({ id: t.id, name: t.name, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt })),
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
  const before = await lockLiveUser(tx, userId);
  if (!before) return null;
  await updateUser(tx, userId, {
    name: DELETED_ACCOUNT_NAME,
    email: erasedEmail(userId),
    // `!` is never produced by argon2: no password verifies against this.
    passwordHash: '!erased',
    bio: '',
    locale: 'en',
    role: 'member',
    deletedAt: now,
  });
  await deleteSessionsOf(tx, userId);
  await deleteApiTokensOf(tx, userId);
  await deletePasswordResetsOf(tx, userId);
  return before;
}
