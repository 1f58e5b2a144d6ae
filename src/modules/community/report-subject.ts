import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { newId } from '../../lib/ids.js';
import { findProject } from '../projects/access.js';
import { getComment } from './comments.js';
import { insertReport, type ModeratedType, type Report, selectOpenReportBy } from './moderation-queries.js';

export type { ModeratedType };

/**
 * Reports a comment or a project to the operators (anyone signed in who can see it). A person has at most one
 * open report a subject: reporting again answers the open one.
 * @example await reportSubject(ctx, actor, 'comment', 'cmt_1', 'Spam link') // { report, created: true }
 */
export async function reportSubject(ctx: AppContext, actor: Actor, type: ModeratedType, id: string, reason: string) {
  // Why: people report only what they can see; anything else answers as not found.
  const subjectId = type === 'comment' ? (await getComment(ctx, actor, id)).id : (await findProject(ctx.db, id, actor)).id;
  const inserted = await insertReport(ctx.db, {
    id: newId('rpt'),
    subjectType: type,
    subjectId,
    reporterId: actor.userId,
    reason,
    createdAt: ctx.clock.now(),
  });
  const report = inserted ?? (await selectOpenReportBy(ctx.db, type, subjectId, actor.userId))!;
  return { report: receipt(report), created: Boolean(inserted) };
}

function receipt(r: Report) {
  return { id: r.id, subject: `${r.subjectType}:${r.subjectId}`, reason: r.reason, status: r.status, createdAt: r.createdAt.toISOString() };
}
