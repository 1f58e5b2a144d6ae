import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { projectFollows } from '../../db/schema/audience.js';
import { projectActivity } from '../../db/schema/community.js';
import type { Actor } from '../../http/auth.js';
import { findProject } from '../projects/access.js';
import { bumpFollowers } from '../projects/service.js';
import { recordActivity } from './activity.js';

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
    const inserted = await tx
      .insert(projectFollows)
      .values({ projectId: project.id, userId: actor.userId, createdAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ userId: projectFollows.userId });
    const followers = await bumpFollowers(tx, project.id, inserted.length);
    if (inserted.length) {
      // One feed event per person, however often they unfollow and follow again.
      const [seen] = await tx
        .select({ id: projectActivity.id })
        .from(projectActivity)
        .where(
          and(eq(projectActivity.projectId, project.id), eq(projectActivity.kind, 'follow'), eq(projectActivity.actorId, actor.userId)),
        )
        .limit(1);
      if (!seen)
        await recordActivity(tx, { projectId: project.id, kind: 'follow', actorId: actor.userId, subject: `project:${project.id}` });
    }
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
    const deleted = await tx
      .delete(projectFollows)
      .where(and(eq(projectFollows.projectId, project.id), eq(projectFollows.userId, actor.userId)))
      .returning({ userId: projectFollows.userId });
    const followers = await bumpFollowers(tx, project.id, -deleted.length);
    return { projectId: project.id, following: false, followers };
  });
}
