import type { Executor } from '../../db/client.js';
import { peopleByIds } from '../accounts/people.js';
import { selectReportedComments } from './comment-queries.js';
import { countOpenReports, type Report, selectReportedProjects } from './moderation-queries.js';
import { excerptOf } from './text.js';

/**
 * Reports as the operators' queue shows them: each with what it is about (the comment's text, the project's title),
 * who reported it and who resolved it, and how many open reports its subject has.
 * @example await presentReports(db, [report])
 */
export async function presentReports(db: Executor, reports: Report[]) {
  const commentIds = reports.filter((r) => r.subjectType === 'comment').map((r) => r.subjectId);
  const projectIds = reports.filter((r) => r.subjectType === 'project').map((r) => r.subjectId);
  const userIds = reports.flatMap((r) => [r.reporterId, r.resolvedBy].filter((x): x is string => Boolean(x)));
  const commentRows = commentIds.length ? await selectReportedComments(db, commentIds) : [];
  const projectRows = await selectReportedProjects(db, projectIds);
  const people = await peopleByIds(db, userIds);
  const openCounts = await countOpenReports(
    db,
    reports.map((r) => r.subjectId),
  );
  const nameOf = (id: string) => people.get(id)?.name ?? '';
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
        author: c ? { id: c.authorId, name: c.authorName } : p ? { id: p.owner_id, name: p.owner_name } : null,
        excerpt: c ? excerptOf(c.body, 280) : null,
        on: c ? `${c.subjectType}:${c.subjectId}` : null,
        projectId: c?.projectId ?? p?.id ?? null,
        title: p?.title ?? null,
        slug: p?.slug ?? null,
      },
      reason: r.reason,
      reporter: { id: r.reporterId, name: nameOf(r.reporterId) },
      openReports: Number(openCounts.find((o) => o.subject_type === r.subjectType && o.subject_id === r.subjectId)?.n ?? 0),
      status: r.status,
      resolution: r.resolution,
      note: r.note,
      resolvedBy: r.resolvedBy ? { id: r.resolvedBy, name: nameOf(r.resolvedBy) } : null,
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
    };
  });
}
