// The community module's share of a personal-data export and of an erasure: comments, follows, launch sign-ups,
// project updates and reports.
import type { Executor } from '../../db/client.js';
import { bumpFollowers } from '../projects/service.js';
import { deleteFollowsOf, eraseSignupsOf, selectFollowsOf, selectSignupsOf } from './audience-queries.js';
import { selectCommentsBy } from './comment-queries.js';
import { selectReportsBy } from './moderation-queries.js';
import { selectUpdatesBy } from './update-queries.js';

/**
 * What a person wrote and asked for in the community module.
 * @example await exportPersonalData(db, userId, 'ann@example.org') // { comments, follows, launchSignups, projectUpdates, reports }
 */
export async function exportPersonalData(db: Executor, userId: string, email: string) {
  const written = await selectCommentsBy(db, userId);
  const follows = await selectFollowsOf(db, userId);
  const launchSignups = await selectSignupsOf(db, userId, email);
  const updates = await selectUpdatesBy(db, userId);
  const reports = await selectReportsBy(db, userId);
  return { comments: written, follows, launchSignups, projectUpdates: updates, reports };
}

/**
 * Erasure, in the caller's transaction: follows end (follower counts follow, as on unfollow); launch sign-ups not yet
 * notified, by account or by e-mail, are deleted; those already notified stay counted but lose the address and the
 * account. Comments, updates and reports stay, under the account's id, which now reads "Deleted account".
 * @example await erasePersonalData(tx, userId, 'ann@example.org')
 */
export async function erasePersonalData(tx: Executor, userId: string, email: string): Promise<void> {
  const ended = await deleteFollowsOf(tx, userId);
  for (const projectId of [...new Set(ended)].sort()) await bumpFollowers(tx, projectId, -1);
  await eraseSignupsOf(tx, userId, email);
}
