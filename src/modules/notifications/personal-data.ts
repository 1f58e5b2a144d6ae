// The notifications module's share of a personal-data export and of an erasure.
import type { Executor } from '../../db/client.js';
import {
  deleteNotificationsOf,
  renameAdderInNotifications,
  renameAuthorInNotifications,
  selectNotificationsOf,
  selectReputationEventsOf,
} from './queries.js';

/**
 * A person's notifications and reputation events.
 * @example await exportPersonalData(db, userId) // { notifications: [...], reputationEvents: [...] }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  return { notifications: await selectNotificationsOf(db, userId), reputationEvents: await selectReputationEventsOf(db, userId) };
}

/**
 * Erasure, in the caller's transaction: the person's own notifications are deleted, and the notifications of
 * others that carry their name (a reply's `authorName`, an organization's `byName`) get `replacement` instead.
 * @example await erasePersonalData(tx, userId, { name: 'Ann', orgIds: ['org_…'] }, 'Deleted account')
 */
export async function erasePersonalData(
  tx: Executor,
  userId: string,
  was: { name: string; orgIds: string[] },
  replacement: string,
): Promise<void> {
  await deleteNotificationsOf(tx, userId);
  await renameAuthorInNotifications(tx, userId, replacement);
  // Who added someone to an organization is kept by name only: match the name within the person's organizations.
  if (was.orgIds.length) await renameAdderInNotifications(tx, was.orgIds, was.name, replacement);
}
