import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { projectFollows, projectSignups } from '../../db/schema/audience.js';

/** The user ids that follow a project. */
export async function followerIds(db: Executor, projectId: string): Promise<string[]> {
  const rows = await db.select({ userId: projectFollows.userId }).from(projectFollows).where(eq(projectFollows.projectId, projectId));
  return rows.map((r) => r.userId);
}

/** Whether a person follows a project. */
export async function isFollower(db: Executor, projectId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: projectFollows.userId })
    .from(projectFollows)
    .where(and(eq(projectFollows.projectId, projectId), eq(projectFollows.userId, userId)))
    .limit(1);
  return Boolean(row);
}

/**
 * Follows of a project per UTC day (`YYYY-MM-DD` → count) from `from` on, and how many came before it.
 * @example const { counts, before } = await followsPerDay(db, project.id, from)
 */
export async function followsPerDay(db: Executor, projectId: string, from: Date): Promise<{ counts: Map<string, number>; before: number }> {
  const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
  const res = await db.execute(sql`
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, count(*)::int AS count
    FROM project_follows WHERE project_id = ${projectId} AND created_at >= ${from.toISOString()}::timestamptz
    GROUP BY 1 ORDER BY 1`);
  const [before] = rowsOf(
    await db.execute(
      sql`SELECT count(*)::int AS n FROM project_follows WHERE project_id = ${projectId} AND created_at < ${from.toISOString()}::timestamptz`,
    ),
  );
  return { counts: new Map(rowsOf(res).map((r) => [String(r.date), Number(r.count)])), before: Number(before?.n ?? 0) };
}

/** Whether a person signed up to hear of a project's launch, signed in or with their account's e-mail address. */
export async function hasSignedUp(db: Executor, projectId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: projectSignups.id })
    .from(projectSignups)
    .where(
      and(
        eq(projectSignups.projectId, projectId),
        sql`(${projectSignups.userId} = ${userId} OR lower(${projectSignups.email}) = (SELECT lower(email) FROM users WHERE id = ${userId}))`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** "Notify me at launch" sign-ups not yet told, for the launch announcement. */
export async function pendingSignups(db: Executor, projectId: string) {
  return db
    .select()
    .from(projectSignups)
    .where(and(eq(projectSignups.projectId, projectId), isNull(projectSignups.notifiedAt)));
}

/** Marks sign-ups told, so a relaunch does not mail them twice. */
export async function markSignupsNotified(db: Executor, ids: string[], at: Date) {
  for (const id of ids) await db.update(projectSignups).set({ notifiedAt: at }).where(eq(projectSignups.id, id));
}
