// Every statement on the notifications and reputation_events tables.
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pick, selectRowsOfPerson } from '../../db/select.js';
import { notifications, reputationEvents } from '../../db/schema/notifications.js';
import { subjectVisibleSql } from '../subjects/registry.js';

export type NotificationRow = typeof notifications.$inferInsert;

export async function insertNotifications(tx: Executor, rows: NotificationRow[]): Promise<void> {
  await tx.insert(notifications).values(rows);
}

/** Whether the person may see the notification's subject now (the subjects' visibility rule). */
const visibleTo = (userId: string) => subjectVisibleSql(sql`${notifications.subject}`, { userId });

/** A person's notifications whose subject they may see, newest first, after `after` (a position in that order). */
export function selectVisibleNotifications(db: Executor, userId: string, limit: number, after?: { at: Date; id: string }) {
  return db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        visibleTo(userId),
        after
          ? or(lt(notifications.createdAt, after.at), and(eq(notifications.createdAt, after.at), lt(notifications.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/** How many of a person's notifications whose subject they may see are unread. */
export async function countUnreadVisible(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), visibleTo(userId)));
  return row?.n ?? 0;
}

/** Sets `readAt` on a person's unread notifications (those with these ids, or all); returns how many. */
export async function setNotificationsRead(db: Executor, userId: string, ids: string[] | undefined, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids?.length ? inArray(notifications.id, ids) : undefined))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function insertReputationEvent(tx: Executor, row: typeof reputationEvents.$inferInsert): Promise<void> {
  await tx.insert(reputationEvents).values(row);
}

/** The sum of a person's reputation points. */
export async function sumReputation(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${reputationEvents.points}), 0)::int` })
    .from(reputationEvents)
    .where(eq(reputationEvents.userId, userId));
  return row?.total ?? 0;
}

/** A person's notifications, newest first, as their export shows them. */
export function selectNotificationsOf(db: Executor, userId: string) {
  return db
    .select(pick(notifications, ['id', 'kind', 'subject', 'data', 'readAt', 'createdAt']))
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id));
}

/** A person's reputation events, oldest first. */
export function selectReputationEventsOf(db: Executor, userId: string) {
  const columns = ['points', 'reason', 'subject', 'createdAt'] as const;
  return selectRowsOfPerson(db, reputationEvents, reputationEvents.userId, userId, pick(reputationEvents, columns));
}

export async function deleteNotificationsOf(tx: Executor, userId: string): Promise<void> {
  await tx.delete(notifications).where(eq(notifications.userId, userId));
}

/** Sets `data.authorName` to `name` in every notification about something this person wrote. */
export async function renameAuthorInNotifications(tx: Executor, authorId: string, name: string): Promise<void> {
  await tx
    .update(notifications)
    .set({ data: sql`${notifications.data} || jsonb_build_object('authorName', ${name}::text)` })
    .where(sql`${notifications.data}->>'authorId' = ${authorId} AND ${notifications.data} ? 'authorName'`);
}

/** Sets `data.byName` to `name` in the "added to an organization" notifications of these organizations signed `was`. */
export async function renameAdderInNotifications(tx: Executor, orgIds: string[], was: string, name: string): Promise<void> {
  await tx
    .update(notifications)
    .set({ data: sql`${notifications.data} || jsonb_build_object('byName', ${name}::text)` })
    .where(
      and(
        eq(notifications.kind, 'org_member_added'),
        sql`${notifications.data}->>'byName' = ${was}`,
        inArray(sql`${notifications.data}->>'orgId'`, orgIds),
      ),
    );
}
