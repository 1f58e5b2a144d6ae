import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { pageOf } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { findProject, isProjectHost } from '../projects/access.js';
import { insertActivity, selectActivityPage, updateActivityHiddenOfSubject } from './activity-queries.js';
import { decodeTimeCursor } from './time-cursor.js';

export interface NewActivity {
  projectId: string;
  /** A stable code the web app translates: `project_created`, `follow`, `comment`, `update`, `campaign_launched`, `pledge`, `idea`, … */
  kind: string;
  /** Who did it; omit for the system (a deadline passing). */
  actorId?: string | null;
  /** `type:id` of what it is about, e.g. `comment:cmt_…`, `campaign:cmp_…`. */
  subject?: string | null;
  /** Small, public facts to show (a title, an excerpt, an amount): everyone who sees the project sees them. */
  data?: Record<string, unknown>;
}

/**
 * Adds an event to a project's public activity feed, inside the caller's transaction.
 * @example await recordActivity(tx, { projectId, kind: 'campaign_launched', actorId: actor.userId, subject: `campaign:${id}`, data: { goal } })
 */
export async function recordActivity(tx: Executor, a: NewActivity): Promise<string> {
  const id = newId('act');
  await insertActivity(tx, {
    id,
    projectId: a.projectId,
    kind: a.kind,
    actorId: a.actorId ?? null,
    subject: a.subject ?? null,
    data: a.data ?? {},
  });
  return id;
}

/**
 * Hides (or shows again) the feed events about a subject, e.g. when moderation hides a comment.
 * @example await setActivityHidden(tx, `comment:${id}`, true)
 */
export async function setActivityHidden(tx: Executor, subject: string, hidden: boolean): Promise<void> {
  await updateActivityHiddenOfSubject(tx, subject, hidden);
}

/**
 * A project's feed, newest first, a page at a time; events hidden by moderation only for operators, and events
 * about drafts (or comments on them) only for the project's hosts.
 * @example await listActivity(ctx, actor, 'solar-lights', { limit: 20 }) // { items: [{ kind: 'follow', actor, … }], nextCursor }
 */
export async function listActivity(
  ctx: AppContext,
  actor: Actor | null,
  idOrSlug: string,
  q: { limit: number; cursor?: string; kind?: string },
) {
  const project = await findProject(ctx.db, idOrSlug, actor);
  const pos = decodeTimeCursor(q.cursor);
  const rows = await selectActivityPage(ctx.db, {
    projectId: project.id,
    actor,
    // Why: an event about a draft (a comment on it, an idea in it) is shown to whoever may see the draft: its hosts.
    isHost: await isProjectHost(ctx.db, project, actor),
    // Why: events hidden by moderation are shown to the operators who moderate them only.
    withHidden: actor?.role === 'operator',
    kind: q.kind,
    after: pos,
    limit: q.limit + 1,
  });
  const page = pageOf(rows, q.limit, (r) => ({ v: r.created_key, id: r.id }));
  return {
    items: page.items.map((r) => ({
      id: r.id,
      kind: r.kind,
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
      subject: r.subject,
      data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, unknown>,
      hidden: Boolean(r.hidden),
      createdAt: new Date(r.created_key).toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
