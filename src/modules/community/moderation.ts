import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { users } from '../../db/schema/accounts.js';
import { comments, moderationActions, moderationReports } from '../../db/schema/community.js';
import { projects } from '../../db/schema/projects.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict, invalid } from '../../lib/errors.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { findProject } from '../projects/access.js';
import { setProjectHidden } from '../projects/service.js';
import { notify } from '../notifications/service.js';
import { setActivityHidden } from './activity.js';
import { getComment } from './comments.js';
import { excerptOf } from './text.js';

export type ModeratedType = 'comment' | 'project';
type Report = typeof moderationReports.$inferSelect;

const reportNotFound = () => new DomainError('report_not_found', 'No report with this id.');

/**
 * Reports a comment or a project to the operators (anyone signed in who can see it). A person has at most one
 * open report a subject: reporting again answers the open one.
 * @example await reportSubject(ctx, actor, 'comment', 'cmt_1', 'Spam link') // { report, created: true }
 */
export async function reportSubject(ctx: AppContext, actor: Actor, type: ModeratedType, id: string, reason: string) {
  // Why: people report only what they can see; anything else answers as not found.
  const subjectId = type === 'comment' ? (await getComment(ctx, actor, id)).id : (await findProject(ctx.db, id, actor)).id;
  const inserted = await ctx.db
    .insert(moderationReports)
    .values({ id: newId('rpt'), subjectType: type, subjectId, reporterId: actor.userId, reason, createdAt: ctx.clock.now() })
    .onConflictDoNothing()
    .returning();
  const report =
    inserted[0] ??
    (
      await ctx.db
        .select()
        .from(moderationReports)
        .where(
          and(
            eq(moderationReports.subjectType, type),
            eq(moderationReports.subjectId, subjectId),
            eq(moderationReports.reporterId, actor.userId),
            eq(moderationReports.status, 'open'),
          ),
        )
        .limit(1)
    )[0]!;
  return { report: receipt(report), created: inserted.length > 0 };
}

function receipt(r: Report) {
  return { id: r.id, subject: `${r.subjectType}:${r.subjectId}`, reason: r.reason, status: r.status, createdAt: r.createdAt.toISOString() };
}

async function logAction(
  tx: Executor,
  a: { type: ModeratedType; id: string; action: 'hide' | 'unhide'; operatorId: string; reason?: string | null; at: Date },
) {
  await tx.insert(moderationActions).values({
    id: newId('mod'),
    subjectType: a.type,
    subjectId: a.id,
    action: a.action,
    operatorId: a.operatorId,
    reason: a.reason ?? null,
    createdAt: a.at,
  });
}

/** The audit entry of a report's resolution (every open report on its subject is resolved with it). */
async function auditResolution(
  tx: Executor,
  report: Report,
  action: 'hide' | 'dismiss',
  note: string | undefined,
  projectId: string | null,
  at: Date,
  from: AuditFrom | Actor,
) {
  await recordAudit(
    tx,
    {
      action: 'report.resolve',
      targetType: 'report',
      targetId: report.id,
      projectId,
      summary: `Resolved a report on ${report.subjectType}:${report.subjectId}: ${action === 'hide' ? 'hidden' : 'dismissed'}${note ? ` (${quote(note)})` : ''}`,
      data: {
        resolution: action === 'hide' ? 'hidden' : 'dismissed',
        subject: `${report.subjectType}:${report.subjectId}`,
        reporterId: report.reporterId,
        note: note ?? null,
      },
      at,
    },
    from,
  );
}

async function closeReports(
  tx: Executor,
  type: ModeratedType,
  id: string,
  resolution: 'hidden' | 'dismissed',
  operatorId: string,
  note: string | null,
  at: Date,
) {
  await tx
    .update(moderationReports)
    .set({ status: 'resolved', resolution, resolvedBy: operatorId, resolvedAt: at, note })
    .where(and(eq(moderationReports.subjectType, type), eq(moderationReports.subjectId, id), eq(moderationReports.status, 'open')));
}

/**
 * Hides a comment (operators) or shows it again: it keeps its place in its thread without author or body, its
 * feed event and the excerpts in notifications go too; its author is told; open reports about it are resolved.
 * @example await setCommentHidden(ctx, operator, 'cmt_1', true, 'insults')
 */
export async function setCommentHidden(
  ctx: AppContext,
  operator: Actor,
  id: string,
  hidden: boolean,
  reason?: string,
  from?: AuditFrom,
  resolving?: Report,
) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [c] = await tx
      .select({
        authorId: comments.authorId,
        subjectType: comments.subjectType,
        subjectId: comments.subjectId,
        hidden: comments.hidden,
        projectId: comments.projectId,
      })
      .from(comments)
      .where(eq(comments.id, id))
      .for('update');
    if (!c) throw new DomainError('comment_not_found', 'No comment with this id.');
    if (hidden) await closeReports(tx, 'comment', id, 'hidden', operator.userId, reason ?? null, now);
    if (resolving) await auditResolution(tx, resolving, 'hide', reason, c.projectId, now, from ?? operator);
    if (c.hidden === hidden) return; // already so: nothing to log or tell
    await tx.update(comments).set({ hidden }).where(eq(comments.id, id));
    await setActivityHidden(tx, `comment:${id}`, hidden);
    await logAction(tx, { type: 'comment', id, action: hidden ? 'hide' : 'unhide', operatorId: operator.userId, reason, at: now });
    await recordAudit(
      tx,
      {
        action: hidden ? 'comment.hide' : 'comment.unhide',
        targetType: 'comment',
        targetId: id,
        projectId: c.projectId,
        summary: `${hidden ? 'Hid' : 'Showed again'} a comment on ${c.subjectType}:${c.subjectId}${reason ? `: ${quote(reason)}` : ''}`,
        data: { authorId: c.authorId, on: `${c.subjectType}:${c.subjectId}`, reason: reason ?? null },
        at: now,
      },
      from ?? operator,
    );
    if (hidden) {
      // The notifications this comment caused carry its excerpt: drop it so the hidden text is shown nowhere.
      await tx.execute(
        sql`UPDATE notifications SET data = (data - 'excerpt') || '{"hidden": true}'::jsonb WHERE subject = ${`comment:${id}`}`,
      );
      await notify(tx, {
        userIds: [c.authorId],
        kind: 'comment_hidden',
        subject: `comment:${id}`,
        data: { on: `${c.subjectType}:${c.subjectId}`, reason: reason ?? null },
      });
    }
  });
  return getComment(ctx, operator, id);
}

/**
 * Hides a project (operators) or shows it again: hidden, it leaves explore and answers 404 to all but its hosts
 * and operators. Its owner is told; open reports about it are resolved.
 * @example await setProjectHiddenByOperator(ctx, operator, 'prj_1', true, 'scam')
 */
export async function setProjectHiddenByOperator(
  ctx: AppContext,
  operator: Actor,
  idOrSlug: string,
  hidden: boolean,
  reason?: string,
  from?: AuditFrom,
  resolving?: Report,
) {
  const project = await findProject(ctx.db, idOrSlug, operator);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (hidden) await closeReports(tx, 'project', project.id, 'hidden', operator.userId, reason ?? null, now);
    if (resolving) await auditResolution(tx, resolving, 'hide', reason, project.id, now, from ?? operator);
    if (hidden === project.hidden) return; // already so: nothing to log or tell
    await setProjectHidden(tx, project.id, hidden, now);
    await logAction(tx, {
      type: 'project',
      id: project.id,
      action: hidden ? 'hide' : 'unhide',
      operatorId: operator.userId,
      reason,
      at: now,
    });
    await recordAudit(
      tx,
      {
        action: hidden ? 'project.hide' : 'project.unhide',
        targetType: 'project',
        targetId: project.id,
        orgId: project.orgId,
        projectId: project.id,
        summary: `${hidden ? 'Hid' : 'Showed again'} project ${quote(project.title)}${reason ? `: ${quote(reason)}` : ''}`,
        data: { ownerId: project.ownerId, reason: reason ?? null },
        at: now,
      },
      from ?? operator,
    );
    await notify(tx, {
      userIds: [project.ownerId],
      kind: hidden ? 'project_hidden' : 'project_unhidden',
      subject: `project:${project.id}`,
      data: { projectId: project.id, projectTitle: project.title, reason: reason ?? null },
    });
  });
  return findProject(ctx.db, project.id, operator);
}

/**
 * Resolves a report (operators): `hide` hides its subject, `dismiss` keeps it; every open report about the same
 * subject is resolved with it.
 * @example await resolveReport(ctx, operator, 'rpt_1', { action: 'dismiss', note: 'Fair criticism' })
 */
export async function resolveReport(
  ctx: AppContext,
  operator: Actor,
  id: string,
  input: { action: 'hide' | 'dismiss'; note?: string },
  from?: AuditFrom,
) {
  const [report] = await ctx.db.select().from(moderationReports).where(eq(moderationReports.id, id)).limit(1);
  if (!report) throw reportNotFound();
  if (report.status !== 'open') throw conflict('report_resolved', 'This report was already resolved.');
  if (input.action === 'hide') {
    if (report.subjectType === 'comment') await setCommentHidden(ctx, operator, report.subjectId, true, input.note, from, report);
    else await setProjectHiddenByOperator(ctx, operator, report.subjectId, true, input.note, from, report);
  } else {
    await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      await closeReports(tx, report.subjectType, report.subjectId, 'dismissed', operator.userId, input.note ?? null, now);
      const [c] =
        report.subjectType === 'comment'
          ? await tx.select({ projectId: comments.projectId }).from(comments).where(eq(comments.id, report.subjectId))
          : [];
      await auditResolution(
        tx,
        report,
        'dismiss',
        input.note,
        report.subjectType === 'project' ? report.subjectId : (c?.projectId ?? null),
        now,
        from ?? operator,
      );
    });
  }
  return (await presentReports(ctx, [(await ctx.db.select().from(moderationReports).where(eq(moderationReports.id, id)))[0]!]))[0]!;
}

/**
 * The operators' queue: open reports oldest first (or resolved / all, newest first), each with what it is about.
 * @example await listReports(ctx, { status: 'open', limit: 50 })
 */
export async function listReports(ctx: AppContext, q: { status: 'open' | 'resolved' | 'all'; limit: number; cursor?: string }) {
  const pos = decodeCursor(q.cursor);
  if (q.cursor && (!pos || typeof pos.v !== 'string' || Number.isNaN(Date.parse(pos.v)))) {
    throw invalid('invalid_cursor', 'This cursor does not belong to this list: start again without it.', { field: 'querystring.cursor' });
  }
  const oldestFirst = q.status === 'open';
  const res = await ctx.db.execute(sql`SELECT id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key
    FROM moderation_reports
    WHERE ${q.status === 'all' ? sql`TRUE` : sql`status = ${q.status}`}
      AND ${!pos ? sql`TRUE` : oldestFirst ? sql`(created_at, id) > (${pos.v}::timestamptz, ${pos.id})` : sql`(created_at, id) < (${pos.v}::timestamptz, ${pos.id})`}
    ORDER BY ${oldestFirst ? sql`created_at ASC, id ASC` : sql`created_at DESC, id DESC`} LIMIT ${q.limit + 1}`);
  const page = pageOf((res as unknown as { rows: { id: string; created_key: string }[] }).rows, q.limit, (r) => ({
    v: r.created_key,
    id: r.id,
  }));
  const ids = page.items.map((r) => r.id);
  const reports = ids.length ? await ctx.db.select().from(moderationReports).where(inArray(moderationReports.id, ids)) : [];
  const byId = new Map(reports.map((r) => [r.id, r]));
  return {
    items: await presentReports(
      ctx,
      ids.map((id) => byId.get(id)!),
    ),
    nextCursor: page.nextCursor,
  };
}

async function presentReports(ctx: AppContext, reports: Report[]) {
  const commentIds = reports.filter((r) => r.subjectType === 'comment').map((r) => r.subjectId);
  const projectIds = reports.filter((r) => r.subjectType === 'project').map((r) => r.subjectId);
  const userIds = [...new Set(reports.flatMap((r) => [r.reporterId, r.resolvedBy].filter((x): x is string => Boolean(x))))];
  const commentRows = commentIds.length
    ? await ctx.db
        .select({
          id: comments.id,
          body: comments.body,
          hidden: comments.hidden,
          authorId: comments.authorId,
          authorName: users.name,
          subjectType: comments.subjectType,
          subjectId: comments.subjectId,
          projectId: comments.projectId,
        })
        .from(comments)
        .innerJoin(users, eq(users.id, comments.authorId))
        .where(inArray(comments.id, commentIds))
    : [];
  const projectRows = projectIds.length
    ? await ctx.db
        .select({
          id: projects.id,
          title: projects.title,
          slug: projects.slug,
          hidden: projects.hidden,
          ownerId: projects.ownerId,
          ownerName: users.name,
        })
        .from(projects)
        .innerJoin(users, eq(users.id, projects.ownerId))
        .where(inArray(projects.id, projectIds))
    : [];
  const people = userIds.length
    ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, userIds))
    : [];
  const openCounts = reports.length
    ? (
        (await ctx.db.execute(sql`SELECT subject_type, subject_id, count(*)::int AS n FROM moderation_reports
          WHERE status = 'open' AND subject_id IN (${sql.join(
            [...new Set(reports.map((r) => r.subjectId))].map((x) => sql`${x}`),
            sql`, `,
          )})
          GROUP BY subject_type, subject_id`)) as unknown as { rows: { subject_type: string; subject_id: string; n: number }[] }
      ).rows
    : [];
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const commentOf = new Map(commentRows.map((c) => [c.id, c]));
  const projectOf = new Map(projectRows.map((p) => [p.id, p]));
  return reports.map((r) => {
    const c = r.subjectType === 'comment' ? commentOf.get(r.subjectId) : undefined;
    const p = r.subjectType === 'project' ? projectOf.get(r.subjectId) : undefined;
    return {
      id: r.id,
      subject: {
        type: r.subjectType,
        id: r.subjectId,
        hidden: Boolean(c?.hidden ?? p?.hidden),
        author: c ? { id: c.authorId, name: c.authorName } : p ? { id: p.ownerId, name: p.ownerName } : null,
        excerpt: c ? excerptOf(c.body, 280) : null,
        on: c ? `${c.subjectType}:${c.subjectId}` : null,
        projectId: c?.projectId ?? p?.id ?? null,
        title: p?.title ?? null,
        slug: p?.slug ?? null,
      },
      reason: r.reason,
      reporter: { id: r.reporterId, name: nameOf.get(r.reporterId) ?? '' },
      openReports: Number(openCounts.find((o) => o.subject_type === r.subjectType && o.subject_id === r.subjectId)?.n ?? 0),
      status: r.status,
      resolution: r.resolution,
      note: r.note,
      resolvedBy: r.resolvedBy ? { id: r.resolvedBy, name: nameOf.get(r.resolvedBy) ?? '' } : null,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
