import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { invalid } from '../../lib/errors.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { followerIds } from '../community/audience.js';
import { recordActivity } from '../community/activity.js';
import { notify } from '../notifications/service.js';
import { findProject, isProjectHost } from '../projects/access.js';
import { viewChallenge, type Challenge } from './access.js';
import { selectChallengesOfProject } from './challenge-queries.js';
import { presentChallenge } from './present.js';

/** Tells the project's followers, and the activity feed, that a challenge is open. */
export async function announceChallenge(tx: Executor, c: Challenge, actorId: string) {
  await notify(tx, {
    userIds: (await followerIds(tx, c.projectId)).filter((id) => id !== actorId),
    kind: 'challenge_opened',
    subject: `challenge:${c.id}`,
    data: { title: c.title, projectId: c.projectId, link: `/challenges/${c.id}` },
  });
  await recordActivity(tx, {
    projectId: c.projectId,
    kind: 'challenge_opened',
    actorId,
    subject: `challenge:${c.id}`,
    data: { title: c.title },
  });
}

/**
 * A project's challenges, newest first; drafts only for its hosts.
 * @example await listChallenges(ctx, 'prj_…', actor, { limit: 20 })
 */
export async function listChallenges(
  ctx: AppContext,
  projectIdOrSlug: string,
  actor: Actor | null,
  page: { limit: number; cursor?: string },
) {
  const project = await findProject(ctx.db, projectIdOrSlug, actor);
  const isHost = await isProjectHost(ctx.db, project, actor);
  const pos = decodeCursor(page.cursor);
  if (page.cursor && (!pos || Number.isNaN(new Date(String(pos.v)).getTime())))
    throw invalid('invalid_cursor', 'This cursor is not valid: start again without it.', { field: 'querystring.cursor' });
  // Why: drafts are visible to the project's hosts only.
  const rows = await selectChallengesOfProject(ctx.db, project.id, {
    withDrafts: isHost,
    after: pos ? { v: new Date(String(pos.v)), id: pos.id } : null,
    limit: page.limit,
  });
  const { items, nextCursor } = pageOf(rows, page.limit, (c) => ({ v: c.createdAt.toISOString(), id: c.id }));
  const now = ctx.clock.now();
  const shown = [];
  for (const c of items) shown.push(await presentChallenge(ctx.db, c, actor, isHost, now));
  return { items: shown, nextCursor };
}

/**
 * A challenge as its caller sees it: phase, rules, and what the caller may do (drafts for hosts only).
 * @example const challenge = await showChallenge(ctx, 'chl_…', actor)
 */
export async function showChallenge(ctx: AppContext, id: string, actor: Actor | null) {
  const { challenge, isHost } = await viewChallenge(ctx.db, id, actor);
  return presentChallenge(ctx.db, challenge, actor, isHost, ctx.clock.now());
}
