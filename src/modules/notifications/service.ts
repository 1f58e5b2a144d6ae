import type { Executor } from '../../db/client.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import {
  countUnreadVisible,
  insertNotifications,
  insertReputationEvent,
  selectVisibleNotifications,
  setNotificationsRead,
  sumReputation,
} from './queries.js';

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
    await insertNotifications(
      tx,
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
  // Why: a notification shows its subject only to whoever may see the subject itself, now (both reads apply it).
  const rows = await selectVisibleNotifications(db, userId, limit + 1, pos ? { at: new Date(String(pos.v)), id: pos.id } : undefined);
  const unread = await countUnreadVisible(db, userId);
  return { ...pageOf(rows, limit, (r) => ({ v: r.createdAt.toISOString(), id: r.id })), unread };
}

/** Marks some (or, without ids, all) of a person's notifications read. */
export function markRead(db: Executor, userId: string, ids: string[] | undefined, now: Date): Promise<number> {
  return setNotificationsRead(db, userId, ids, now);
}

/**
 * Records reputation earned or lost; a profile's reputation is the sum of its events.
 * @example await awardReputation(tx, { userId, points: 10, reason: 'answer_upvoted', subject: `answer:${id}` })
 */
export async function awardReputation(tx: Executor, e: { userId: string; points: number; reason: string; subject?: string }) {
  await insertReputationEvent(tx, { id: newId('rep'), userId: e.userId, points: e.points, reason: e.reason, subject: e.subject ?? null });
}

export function reputationOf(db: Executor, userId: string): Promise<number> {
  return sumReputation(db, userId);
}
