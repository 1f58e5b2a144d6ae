// Every statement on the accounts tables (users, sessions, api_tokens, password_resets) but the people lookups
// other modules use (people-queries.ts).
import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { apiTokens, passwordResets, sessions, users } from '../../db/schema/accounts.js';

export type User = typeof users.$inferSelect;
type UserPatch = Partial<Pick<User, 'name' | 'bio' | 'locale' | 'passwordHash' | 'role' | 'email' | 'deletedAt'>>;

export async function selectUserById(db: Executor, id: string): Promise<User | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return u;
}

/** The account with this e-mail address, in any case. */
export async function selectUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  const [u] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return u;
}

export async function insertUser(db: Executor, row: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(row);
}

/** Changes an account's columns; returns the account as it now is (undefined for no such account). */
export async function updateUser(db: Executor, id: string, patch: UserPatch): Promise<User | undefined> {
  const [u] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  return u;
}

/** An account not erased yet, its row locked in the caller's transaction: its e-mail and name. */
export async function lockLiveUser(tx: Executor, id: string): Promise<{ email: string; name: string } | undefined> {
  const [u] = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .for('update');
  return u;
}

export async function insertSession(db: Executor, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Deletes a person's sessions, all of them or all but `keepId`; returns how many. */
export async function deleteSessionsOf(tx: Executor, userId: string, keepId?: string): Promise<number> {
  const rows = await tx
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), keepId ? ne(sessions.id, keepId) : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}

/** A person's sessions, newest first: dates only. */
export function selectSessionsOf(db: Executor, userId: string) {
  return db
    .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.createdAt));
}

export async function insertApiToken(db: Executor, row: typeof apiTokens.$inferInsert): Promise<void> {
  await db.insert(apiTokens).values(row);
}

/** A person's API tokens, newest first, without their hashes. */
export function selectApiTokensOf(db: Executor, userId: string) {
  return db
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
}

/** Deletes one of a person's API tokens; returns its name and prefix, or undefined when they have no such token. */
export async function deleteApiTokenOf(db: Executor, userId: string, id: string): Promise<{ name: string; prefix: string } | undefined> {
  const [row] = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning({ name: apiTokens.name, prefix: apiTokens.tokenPrefix });
  return row;
}

/** Deletes all of a person's API tokens; returns how many. */
export async function deleteApiTokensOf(tx: Executor, userId: string): Promise<number> {
  const rows = await tx.delete(apiTokens).where(eq(apiTokens.userId, userId)).returning({ id: apiTokens.id });
  return rows.length;
}

export async function insertPasswordReset(db: Executor, row: typeof passwordResets.$inferInsert): Promise<void> {
  await db.insert(passwordResets).values(row);
}

/** Marks a reset link used if it is unused and unexpired at `now`; returns whose it is, or undefined. */
export async function markPasswordResetUsed(tx: Executor, tokenHash: string, now: Date): Promise<{ userId: string } | undefined> {
  const [reset] = await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .returning({ userId: passwordResets.userId });
  return reset;
}

export async function deletePasswordResetsOf(tx: Executor, userId: string): Promise<void> {
  await tx.delete(passwordResets).where(eq(passwordResets.userId, userId));
}
