// Statements on a project's audience: its followers (project_follows) and its launch sign-ups (project_signups).
import { and, asc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { selectRowsOfPerson } from '../../db/select.js';
import { projectFollows, projectSignups } from '../../db/schema/audience.js';
import { personEmailSql } from '../accounts/people-sql.js';

export type Signup = typeof projectSignups.$inferSelect;

// ---------------------------------------------------------------------------------------------------------------
// Follows

export async function selectFollowerIds(db: Executor, projectId: string): Promise<string[]> {
  const rows = await db.select({ userId: projectFollows.userId }).from(projectFollows).where(eq(projectFollows.projectId, projectId));
  return rows.map((r) => r.userId);
}

export async function existsFollow(db: Executor, projectId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: projectFollows.userId })
    .from(projectFollows)
    .where(and(eq(projectFollows.projectId, projectId), eq(projectFollows.userId, userId)))
    .limit(1);
  return Boolean(row);
}

/** Adds a follow unless there is one; true when it was added. */
export async function insertFollow(db: Executor, projectId: string, userId: string, at: Date): Promise<boolean> {
  const inserted = await db
    .insert(projectFollows)
    .values({ projectId, userId, createdAt: at })
    .onConflictDoNothing()
    .returning({ userId: projectFollows.userId });
  return inserted.length > 0;
}

/** Removes a follow; true when there was one. */
export async function deleteFollow(db: Executor, projectId: string, userId: string): Promise<boolean> {
  const deleted = await db
    .delete(projectFollows)
    .where(and(eq(projectFollows.projectId, projectId), eq(projectFollows.userId, userId)))
    .returning({ userId: projectFollows.userId });
  return deleted.length > 0;
}

/** Removes every follow of a person; answers the projects they followed. */
export async function deleteFollowsOf(db: Executor, userId: string): Promise<string[]> {
  const ended = await db.delete(projectFollows).where(eq(projectFollows.userId, userId)).returning({ projectId: projectFollows.projectId });
  return ended.map((f) => f.projectId);
}

export function selectFollowsOf(db: Executor, userId: string) {
  const fields = { projectId: projectFollows.projectId, since: projectFollows.createdAt };
  return selectRowsOfPerson(db, projectFollows, projectFollows.userId, userId, fields);
}

/** Rows of a project's table per UTC day (`YYYY-MM-DD` → count) from `from` on. */
async function countPerDay(db: Executor, table: 'project_follows' | 'project_signups', projectId: string, from: Date) {
  const res = await db.execute(sql`
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, count(*)::int AS count
    FROM ${sql.raw(table)} WHERE project_id = ${projectId} AND created_at >= ${from.toISOString()}::timestamptz
    GROUP BY 1 ORDER BY 1`);
  return new Map(rowsOf<{ date: string; count: number }>(res).map((r) => [String(r.date), Number(r.count)]));
}

export function countFollowsPerDay(db: Executor, projectId: string, from: Date): Promise<Map<string, number>> {
  return countPerDay(db, 'project_follows', projectId, from);
}

export async function countFollowsBefore(db: Executor, projectId: string, before: Date): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(
      sql`SELECT count(*)::int AS n FROM project_follows WHERE project_id = ${projectId} AND created_at < ${before.toISOString()}::timestamptz`,
    ),
  );
  return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Launch sign-ups

/** A person's sign-ups: made signed in, or with their account's e-mail address (any case). */
const signupsOf = (userId: string, email: string) =>
  or(eq(projectSignups.userId, userId), eq(sql`lower(${projectSignups.email})`, email.toLowerCase()));

/** Whether a person signed up for a project, signed in or with their account's e-mail address. */
export async function existsSignup(db: Executor, projectId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projectSignups.id })
    .from(projectSignups)
    .where(
      and(
        eq(projectSignups.projectId, projectId),
        sql`(${projectSignups.userId} = ${userId} OR lower(${projectSignups.email}) = ${personEmailSql(userId)})`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Adds a sign-up unless this address already has one for the project; true when it was added. */
export async function insertSignup(db: Executor, row: typeof projectSignups.$inferInsert): Promise<boolean> {
  const inserted = await db.insert(projectSignups).values(row).onConflictDoNothing().returning({ id: projectSignups.id });
  return inserted.length > 0;
}

export function selectPendingSignups(db: Executor, projectId: string): Promise<Signup[]> {
  return db
    .select()
    .from(projectSignups)
    .where(and(eq(projectSignups.projectId, projectId), isNull(projectSignups.notifiedAt)));
}

export async function updateSignupsNotified(db: Executor, ids: string[], at: Date): Promise<void> {
  for (const id of ids) await db.update(projectSignups).set({ notifiedAt: at }).where(eq(projectSignups.id, id));
}

export async function countSignups(db: Executor, projectId: string): Promise<{ count: number; notified: number; withAccount: number }> {
  const [t] = rowsOf<{ count: number; notified: number; with_account: number }>(
    await db.execute(sql`SELECT count(*)::int AS count, count(notified_at)::int AS notified, count(user_id)::int AS with_account
    FROM project_signups WHERE project_id = ${projectId}`),
  );
  return { count: Number(t!.count), notified: Number(t!.notified), withAccount: Number(t!.with_account) };
}

export function countSignupsPerDay(db: Executor, projectId: string, from: Date): Promise<Map<string, number>> {
  return countPerDay(db, 'project_signups', projectId, from);
}

export function selectSignupsOf(db: Executor, userId: string, email: string) {
  return db
    .select({
      projectId: projectSignups.projectId,
      email: projectSignups.email,
      locale: projectSignups.locale,
      notifiedAt: projectSignups.notifiedAt,
      createdAt: projectSignups.createdAt,
    })
    .from(projectSignups)
    .where(signupsOf(userId, email))
    .orderBy(asc(projectSignups.createdAt));
}

/**
 * Erasure of a person's sign-ups: those not yet notified go; those notified stay counted without address or account.
 */
export async function eraseSignupsOf(db: Executor, userId: string, email: string): Promise<void> {
  const mine = signupsOf(userId, email);
  await db.delete(projectSignups).where(and(mine, isNull(projectSignups.notifiedAt)));
  await db
    .update(projectSignups)
    .set({ userId: null, email: sql`'erased+' || ${projectSignups.id} || '@deleted.invalid'` })
    .where(and(mine, isNotNull(projectSignups.notifiedAt)));
}
