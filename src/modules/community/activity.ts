import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { projectActivity } from '../../db/schema/community.js';
import type { Actor } from '../../http/auth.js';
import { invalid } from '../../lib/errors.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { findProject, isProjectHost } from '../projects/access.js';
import { subjectVisibleSql } from './subjects.js';

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
  await tx
    .insert(projectActivity)
    .values({ id, projectId: a.projectId, kind: a.kind, actorId: a.actorId ?? null, subject: a.subject ?? null, data: a.data ?? {} });
  return id;
}

/**
 * Hides (or shows again) the feed events about a subject, e.g. when moderation hides a comment.
 * @example await setActivityHidden(tx, `comment:${id}`, true)
 */
export async function setActivityHidden(tx: Executor, subject: string, hidden: boolean): Promise<void> {
  await tx.update(projectActivity).set({ hidden }).where(eq(projectActivity.subject, subject));
}

interface ActivityRow {
  id: string;
  kind: string;
  actor_id: string | null;
  actor_name: string | null;
  subject: string | null;
  data: Record<string, unknown> | string;
  hidden: boolean;
  created_key: string;
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
  const pos = decodeCursor(q.cursor);
  if (q.cursor && (!pos || typeof pos.v !== 'string' || Number.isNaN(Date.parse(pos.v)))) {
    throw invalid('invalid_cursor', 'This cursor does not belong to this list: start again without it.', { field: 'querystring.cursor' });
  }
  const operator = actor?.role === 'operator';
  // Why: an event about a draft (a comment on it, an idea in it) is shown to whoever may see the draft: its hosts.
  const visible = subjectVisibleSql(sql`a.subject`, actor, { isHost: await isProjectHost(ctx.db, project, actor) });
  const res = await ctx.db.execute(sql`SELECT a.id, a.kind, a.actor_id, u.name AS actor_name, a.subject, a.data, a.hidden,
      to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key
    FROM project_activity a LEFT JOIN users u ON u.id = a.actor_id
    WHERE a.project_id = ${project.id}
      AND ${operator ? sql`TRUE` : sql`NOT a.hidden`}
      AND ${visible}
      AND ${q.kind ? sql`a.kind = ${q.kind}` : sql`TRUE`}
      AND ${pos ? sql`(a.created_at < ${pos.v}::timestamptz OR (a.created_at = ${pos.v}::timestamptz AND a.id < ${pos.id}))` : sql`TRUE`}
    ORDER BY a.created_at DESC, a.id DESC LIMIT ${q.limit + 1}`);
  const page = pageOf((res as unknown as { rows: ActivityRow[] }).rows, q.limit, (r) => ({ v: r.created_key, id: r.id }));
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
