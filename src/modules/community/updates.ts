import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, isKind } from '../../lib/errors.js';
import { pageOf } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { findProject, requireProjectHost } from '../projects/access.js';
import { notify } from '../notifications/service.js';
import { recordActivity } from './activity.js';
import { followerIds } from './audience.js';
import { excerptOf, storedMarkdown, writtenAt } from './text.js';
import { decodeTimeCursor } from './time-cursor.js';
import { insertUpdate, selectUpdate, selectUpdatesOfProject, type UpdateRow, updateUpdateText } from './update-queries.js';

export interface UpdateView {
  id: string;
  projectId: string;
  title: string;
  body: string;
  bodyHtml: string;
  author: { id: string; name: string };
  comments: number;
  createdAt: string;
  editedAt: string | null;
}

function present(r: UpdateRow): UpdateView {
  return {
    id: r.id,
    projectId: r.project_id,
    title: r.title,
    body: r.body,
    bodyHtml: r.body_html,
    author: { id: r.author_id, name: r.author_name },
    comments: Number(r.comments),
    ...writtenAt(r),
  };
}

const updateNotFound = () => new DomainError('update_not_found', 'No update with this id.');

/**
 * Posts an update (hosts): its followers are told in-app (`project_update`) and it joins the activity feed.
 * @example await postUpdate(ctx, actor, 'solar-lights', { title: 'Prototype ready', body: 'It **works**.' })
 */
export async function postUpdate(
  ctx: AppContext,
  actor: Actor,
  idOrSlug: string,
  input: { title: string; body: string },
): Promise<UpdateView> {
  const project = await requireProjectHost(ctx.db, idOrSlug, actor);
  const id = newId('upd');
  await ctx.db.transaction(async (tx) => {
    await insertUpdate(tx, {
      id,
      projectId: project.id,
      authorId: actor.userId,
      title: input.title,
      ...storedMarkdown(input.body),
      createdAt: ctx.clock.now(),
    });
    const excerpt = excerptOf(input.body);
    // Followers cannot see a project hidden by moderation: they hear of its updates once it is shown again.
    const followers = project.hidden ? [] : (await followerIds(tx, project.id)).filter((userId) => userId !== actor.userId);
    await notify(tx, {
      userIds: followers,
      kind: 'project_update',
      subject: `update:${id}`,
      data: { updateId: id, title: input.title, excerpt, projectId: project.id, projectSlug: project.slug, projectTitle: project.title },
    });
    await recordActivity(tx, {
      projectId: project.id,
      kind: 'update',
      actorId: actor.userId,
      subject: `update:${id}`,
      data: { title: input.title, excerpt },
    });
  });
  return present((await selectUpdate(ctx.db, id))!);
}

/**
 * Edits an update's title or body (hosts); followers are not told again.
 * @example await editUpdate(ctx, actor, 'upd_1', { body: 'Fixed a typo' })
 */
export async function editUpdate(ctx: AppContext, actor: Actor, id: string, patch: { title?: string; body?: string }): Promise<UpdateView> {
  const row = await selectUpdate(ctx.db, id);
  if (!row) throw updateNotFound();
  // Why: an update speaks for the project; only its hosts may change what it says.
  await requireProjectHost(ctx.db, row.project_id, actor).catch((e) => {
    throw isKind(e, 'not_found') ? updateNotFound() : e;
  });
  await updateUpdateText(ctx.db, id, {
    ...patch,
    ...(patch.body !== undefined ? storedMarkdown(patch.body) : {}),
    editedAt: ctx.clock.now(),
  });
  return present((await selectUpdate(ctx.db, id))!);
}

/**
 * One update, if its project is visible to the caller.
 * @example await getUpdate(ctx, actor, 'upd_1')
 */
export async function getUpdate(ctx: AppContext, actor: Actor | null, id: string): Promise<UpdateView> {
  const row = await selectUpdate(ctx.db, id);
  if (!row) throw updateNotFound();
  await findProject(ctx.db, row.project_id, actor).catch((e) => {
    throw isKind(e, 'not_found') ? updateNotFound() : e;
  });
  return present(row);
}

/**
 * A project's updates, newest first, a page at a time.
 * @example await listUpdates(ctx, actor, 'solar-lights', { limit: 10 })
 */
export async function listUpdates(ctx: AppContext, actor: Actor | null, idOrSlug: string, q: { limit: number; cursor?: string }) {
  const project = await findProject(ctx.db, idOrSlug, actor);
  const rows = await selectUpdatesOfProject(ctx.db, { projectId: project.id, after: decodeTimeCursor(q.cursor), limit: q.limit + 1 });
  const page = pageOf(rows, q.limit, (r) => ({ v: r.created_key, id: r.id }));
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}
