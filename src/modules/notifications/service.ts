import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notifications, reputationEvents } from '../../db/schema/notifications.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { subjectVisibleSql } from '../subjects/registry.js';

export interface NewNotification {
  userIds: string[];
  /** A stable code the web app translates, e.g. `campaign_launched`, `pledge_errored`, `comment_reply`. */
  kind: string;
  /** `type:id` of what it is about, e.g. `project:prj_…`. */
  subject?: string;
  data?: Record<string, unknown>;
}

/**
 * Notifies people in-app, inside the caller's transaction.
 * @example await notify(tx, { userIds: [backerId], kind: 'pledge_errored', subject: `pledge:${id}` })
 */
export async function notify(tx: Executor, n: NewNotification): Promise<void> {
  const unique = [...new Set(n.userIds)];
  for (let i = 0; i < unique.length; i += 500) {
    await tx
      .insert(notifications)
      .values(
        unique
          .slice(i, i + 500)
          .map((userId) => ({ id: newId('ntf'), userId, kind: n.kind, subject: n.subject ?? null, data: n.data ?? {} })),
      );
  }
}

/**
 * A person's notifications, newest first, with the count of unread ones; a notification about something they may no
 * longer see (a project hidden by moderation, a draft they do not host) is left out of both.
 * @example await listNotifications(db, 'usr_1', 20) // { items, nextCursor, unread }
 */
export async function listNotifications(db: Executor, userId: string, limit: number, cursor?: string) {
  const pos = decodeCursor(cursor);
  // Why: a notification shows its subject only to whoever may see the subject itself, now.
  const visible = subjectVisibleSql(sql`${notifications.subject}`, { userId });
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        visible,
        pos
          ? or(
              lt(notifications.createdAt, new Date(String(pos.v))),
              and(eq(notifications.createdAt, new Date(String(pos.v))), lt(notifications.id, pos.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const unread = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), visible));
  return { ...pageOf(rows, limit, (r) => ({ v: r.createdAt.toISOString(), id: r.id })), unread: unread[0]?.n ?? 0 };
}

/** Marks some (or, without ids, all) of a person's notifications read. */
export async function markRead(db: Executor, userId: string, ids: string[] | undefined, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids?.length ? inArray(notifications.id, ids) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}

/**
 * Records reputation earned or lost; a profile's reputation is the sum of its events.
 * @example await awardReputation(tx, { userId, points: 10, reason: 'answer_upvoted', subject: `answer:${id}` })
 */
export async function awardReputation(tx: Executor, e: { userId: string; points: number; reason: string; subject?: string }) {
  await tx
    .insert(reputationEvents)
    .values({ id: newId('rep'), userId: e.userId, points: e.points, reason: e.reason, subject: e.subject ?? null });
}

export async function reputationOf(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${reputationEvents.points}), 0)::int` })
    .from(reputationEvents)
    .where(eq(reputationEvents.userId, userId));
  return row?.total ?? 0;
}
