// What other modules may ask of a project's audience (its followers and launch sign-ups).
import type { Executor } from '../../db/client.js';
import {
  countFollowsBefore,
  countFollowsPerDay,
  existsFollow,
  existsSignup,
  selectFollowerIds,
  selectPendingSignups,
  type Signup,
  updateSignupsNotified,
} from './audience-queries.js';

/** The user ids that follow a project. */
export function followerIds(db: Executor, projectId: string): Promise<string[]> {
  return selectFollowerIds(db, projectId);
}

/** Whether a person follows a project. */
export function isFollower(db: Executor, projectId: string, userId: string): Promise<boolean> {
  return existsFollow(db, projectId, userId);
}

/**
 * Follows of a project per UTC day (`YYYY-MM-DD` → count) from `from` on, and how many came before it.
 * @example const { counts, before } = await followsPerDay(db, project.id, from)
 */
export async function followsPerDay(db: Executor, projectId: string, from: Date): Promise<{ counts: Map<string, number>; before: number }> {
  const counts = await countFollowsPerDay(db, projectId, from);
  return { counts, before: await countFollowsBefore(db, projectId, from) };
}

/** Whether a person signed up to hear of a project's launch, signed in or with their account's e-mail address. */
export function hasSignedUp(db: Executor, projectId: string, userId: string): Promise<boolean> {
  return existsSignup(db, projectId, userId);
}

/** "Notify me at launch" sign-ups not yet told, for the launch announcement. */
export function pendingSignups(db: Executor, projectId: string): Promise<Signup[]> {
  return selectPendingSignups(db, projectId);
}

/** Marks sign-ups told, so a relaunch does not mail them twice. */
export function markSignupsNotified(db: Executor, ids: string[], at: Date): Promise<void> {
  return updateSignupsNotified(db, ids, at);
}
