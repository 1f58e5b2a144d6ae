import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { findProject, isProjectHost } from '../projects/access.js';
import { selectCampaignsOfProject } from './campaign-queries.js';
import { presentCampaign } from './campaigns.js';

/**
 * A project's campaigns, newest first; drafts only for its hosts.
 * @example await projectCampaigns(ctx, actor, 'solar-lights', { limit: 20 })
 */
export async function projectCampaigns(
  ctx: AppContext,
  actor: Actor | null,
  projectIdOrSlug: string,
  page: { limit: number; cursor?: string },
) {
  const project = await findProject(ctx.db, projectIdOrSlug, actor);
  const host = await isProjectHost(ctx.db, project, actor);
  const pos = decodeCursor(page.cursor);
  // Why: drafts are the hosts' work in progress; others see launched campaigns only.
  const rows = await selectCampaignsOfProject(ctx.db, project.id, { withDrafts: host, beforeId: pos?.id, limit: page.limit + 1 });
  const { items, nextCursor } = pageOf(rows, page.limit, (c) => ({ v: 0, id: c.id }));
  return { items: await Promise.all(items.map((c) => presentCampaign(ctx, c, project, actor))), nextCursor };
}
