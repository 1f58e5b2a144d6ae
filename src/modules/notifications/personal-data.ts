// The notifications module's share of a personal-data export and of an erasure.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { notifications, reputationEvents } from '../../db/schema/notifications.js';

/**
 * A person's notifications and reputation events.
 * @example await exportPersonalData(db, userId) // { notifications: [...], reputationEvents: [...] }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const mine = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      subject: notifications.subject,
      data: notifications.data,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id));
  const reputation = await db
    .select({
      points: reputationEvents.points,
      reason: reputationEvents.reason,
      subject: reputationEvents.subject,
      createdAt: reputationEvents.createdAt,
    })
    .from(reputationEvents)
    .where(eq(reputationEvents.userId, userId))
    .orderBy(asc(reputationEvents.createdAt));
  return { notifications: mine, reputationEvents: reputation };
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
  await tx.delete(notifications).where(eq(notifications.userId, userId));
  await tx
    .update(notifications)
    .set({ data: sql`${notifications.data} || jsonb_build_object('authorName', ${replacement}::text)` })
    .where(sql`${notifications.data}->>'authorId' = ${userId} AND ${notifications.data} ? 'authorName'`);
  if (was.orgIds.length) {
    // Who added someone to an organization is kept by name only: match the name within the person's organizations.
    await tx
      .update(notifications)
      .set({ data: sql`${notifications.data} || jsonb_build_object('byName', ${replacement}::text)` })
      .where(
        and(
          eq(notifications.kind, 'org_member_added'),
          sql`${notifications.data}->>'byName' = ${was.name}`,
          inArray(sql`${notifications.data}->>'orgId'`, was.orgIds),
        ),
      );
  }
}
