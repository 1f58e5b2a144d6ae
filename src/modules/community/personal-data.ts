// The community module's share of a personal-data export and of an erasure: comments, follows, launch sign-ups,
// project updates and reports.
import { and, asc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { projectFollows, projectSignups } from '../../db/schema/audience.js';
import { comments, moderationReports, projectUpdates } from '../../db/schema/community.js';
import { bumpFollowers } from '../projects/service.js';

const byEmail = (email: string) => eq(sql`lower(${projectSignups.email})`, email.toLowerCase());

/**
 * What a person wrote and asked for in the community module.
 * @example await exportPersonalData(db, userId, 'ann@example.org') // { comments, follows, launchSignups, projectUpdates, reports }
 */
export async function exportPersonalData(db: Executor, userId: string, email: string) {
  const written = await db
    .select({
      id: comments.id,
      subject: sql<string>`${comments.subjectType} || ':' || ${comments.subjectId}`,
      projectId: comments.projectId,
      parentId: comments.parentId,
      body: comments.body,
      hidden: comments.hidden,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
    })
    .from(comments)
    .where(eq(comments.authorId, userId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const follows = await db
    .select({ projectId: projectFollows.projectId, since: projectFollows.createdAt })
    .from(projectFollows)
    .where(eq(projectFollows.userId, userId))
    .orderBy(asc(projectFollows.createdAt));
  const launchSignups = await db
    .select({
      projectId: projectSignups.projectId,
      email: projectSignups.email,
      locale: projectSignups.locale,
      notifiedAt: projectSignups.notifiedAt,
      createdAt: projectSignups.createdAt,
    })
    .from(projectSignups)
    .where(or(eq(projectSignups.userId, userId), byEmail(email)))
    .orderBy(asc(projectSignups.createdAt));
  const updates = await db
    .select({
      id: projectUpdates.id,
      projectId: projectUpdates.projectId,
      title: projectUpdates.title,
      body: projectUpdates.body,
      createdAt: projectUpdates.createdAt,
      editedAt: projectUpdates.editedAt,
    })
    .from(projectUpdates)
    .where(eq(projectUpdates.authorId, userId))
    .orderBy(asc(projectUpdates.createdAt));
  const reports = await db
    .select({
      id: moderationReports.id,
      subject: sql<string>`${moderationReports.subjectType} || ':' || ${moderationReports.subjectId}`,
      reason: moderationReports.reason,
      status: moderationReports.status,
      createdAt: moderationReports.createdAt,
    })
    .from(moderationReports)
    .where(eq(moderationReports.reporterId, userId))
    .orderBy(asc(moderationReports.createdAt));
  return { comments: written, follows, launchSignups, projectUpdates: updates, reports };
}

/**
 * Erasure, in the caller's transaction: follows end (follower counts follow, as on unfollow); launch sign-ups not yet
 * notified, by account or by e-mail, are deleted; those already notified stay counted but lose the address and the
 * account. Comments, updates and reports stay, under the account's id, which now reads "Deleted account".
 * @example await erasePersonalData(tx, userId, 'ann@example.org')
 */
export async function erasePersonalData(tx: Executor, userId: string, email: string): Promise<void> {
  const ended = await tx.delete(projectFollows).where(eq(projectFollows.userId, userId)).returning({ projectId: projectFollows.projectId });
  for (const projectId of [...new Set(ended.map((f) => f.projectId))].sort()) await bumpFollowers(tx, projectId, -1);
  const mine = or(eq(projectSignups.userId, userId), byEmail(email));
  await tx.delete(projectSignups).where(and(mine, isNull(projectSignups.notifiedAt)));
  await tx
    .update(projectSignups)
    .set({ userId: null, email: sql`'erased+' || ${projectSignups.id} || '@deleted.invalid'` })
    .where(and(mine, isNotNull(projectSignups.notifiedAt)));
}
