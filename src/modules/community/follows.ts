import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { findProject } from '../projects/access.js';
import { bumpFollowers } from '../projects/service.js';
import { recordActivity } from './activity.js';
import { hasFollowActivity } from './activity-queries.js';
import { deleteFollow, insertFollow } from './audience-queries.js';

export interface FollowState {
  projectId: string;
  following: boolean;
  followers: number;
}

/**
 * Follows a project (idempotent). The follow row and the project's follower count change in one
 * transaction, so `followers` stays exactly the number of rows.
 * @example await followProject(ctx, actor, 'solar-lights') // { projectId, following: true, followers: 12 }
 */
export async function followProject(ctx: AppContext, actor: Actor, idOrSlug: string): Promise<FollowState> {
  const project = await findProject(ctx.db, idOrSlug, actor);
  return ctx.db.transaction(async (tx) => {
    const added = await insertFollow(tx, project.id, actor.userId, ctx.clock.now());
    const followers = await bumpFollowers(tx, project.id, added ? 1 : 0);
    // One feed event per person, however often they unfollow and follow again.
    if (added && !(await hasFollowActivity(tx, project.id, actor.userId)))
      await recordActivity(tx, { projectId: project.id, kind: 'follow', actorId: actor.userId, subject: `project:${project.id}` });
    return { projectId: project.id, following: true, followers };
  });
}

/**
 * Stops following a project (idempotent).
 * @example await unfollowProject(ctx, actor, projectId) // { projectId, following: false, followers: 11 }
 */
export async function unfollowProject(ctx: AppContext, actor: Actor, idOrSlug: string): Promise<FollowState> {
  const project = await findProject(ctx.db, idOrSlug, actor);
  return ctx.db.transaction(async (tx) => {
    const removed = await deleteFollow(tx, project.id, actor.userId);
    const followers = await bumpFollowers(tx, project.id, removed ? -1 : 0);
    return { projectId: project.id, following: false, followers };
  });
}
