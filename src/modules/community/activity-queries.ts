// Statements on the activity feed (project_activity).
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { projectActivity } from '../../db/schema/community.js';
import type { Actor } from '../../http/auth.js';
import type { CursorPosition } from '../../lib/cursor.js';
import { personNameSql } from '../accounts/people-sql.js';
import { subjectVisibleSql } from '../subjects/registry.js';
import { afterSql, timeKeySql } from './page-sql.js';

export type ActivityRow = typeof projectActivity.$inferInsert;

export async function insertActivity(db: Executor, row: ActivityRow): Promise<void> {
  await db.insert(projectActivity).values(row);
}

export async function updateActivityHiddenOfSubject(db: Executor, subject: string, hidden: boolean): Promise<void> {
  await db.update(projectActivity).set({ hidden }).where(eq(projectActivity.subject, subject));
}

/** Whether a person's follow of a project is already in its feed. */
export async function hasFollowActivity(db: Executor, projectId: string, userId: string): Promise<boolean> {
  const [seen] = await db
    .select({ id: projectActivity.id })
    .from(projectActivity)
    .where(and(eq(projectActivity.projectId, projectId), eq(projectActivity.kind, 'follow'), eq(projectActivity.actorId, userId)))
    .limit(1);
  return Boolean(seen);
}

export interface ActivityFeedRow {
  id: string;
  kind: string;
  actor_id: string | null;
  actor_name: string | null;
  subject: string | null;
  data: Record<string, unknown> | string;
  hidden: boolean;
  created_key: string;
}

/**
 * A page of a project's feed, newest first (`limit` rows): events hidden by moderation only with `withHidden`, and
 * only events about subjects the actor may see (all of them for the project's hosts, `isHost`).
 */
export async function selectActivityPage(
  db: Executor,
  q: {
    projectId: string;
    actor: Actor | null;
    isHost: boolean;
    withHidden: boolean;
    kind?: string;
    after: CursorPosition | null;
    limit: number;
  },
): Promise<ActivityFeedRow[]> {
  const visible = subjectVisibleSql(sql`a.subject`, q.actor, { isHost: q.isHost });
  const res =
    await db.execute(sql`SELECT a.id, a.kind, a.actor_id, ${personNameSql(sql`a.actor_id`)} AS actor_name, a.subject, a.data, a.hidden,
      ${timeKeySql('a.created_at')} AS created_key
    FROM project_activity a
    WHERE a.project_id = ${q.projectId}
      AND ${q.withHidden ? sql`TRUE` : sql`NOT a.hidden`}
      AND ${visible}
      AND ${q.kind ? sql`a.kind = ${q.kind}` : sql`TRUE`}
      AND ${afterSql('a.created_at', 'a.id', q.after, 'desc')}
    ORDER BY a.created_at DESC, a.id DESC LIMIT ${q.limit}`);
  return rowsOf<ActivityFeedRow>(res);
}
