import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict } from '../../lib/errors.js';
import type { AuditFrom } from '../audit/record-audit.js';
import { selectCommentProjectId } from './comment-queries.js';
import { setCommentHidden } from './hide-comment.js';
import { setProjectHiddenByOperator } from './hide-project.js';
import { resolveOpenReports, selectReport } from './moderation-queries.js';
import { auditResolution } from './moderation-steps.js';
import { presentReports } from './present-reports.js';

const reportNotFound = () => new DomainError('report_not_found', 'No report with this id.');

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
  const report = await selectReport(ctx.db, id);
  if (!report) throw reportNotFound();
  if (report.status !== 'open') throw conflict('report_resolved', 'This report was already resolved.');
  if (input.action === 'hide') {
    if (report.subjectType === 'comment') await setCommentHidden(ctx, operator, report.subjectId, true, input.note, from, report);
    else await setProjectHiddenByOperator(ctx, operator, report.subjectId, true, input.note, from, report);
  } else {
    await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      await resolveOpenReports(tx, {
        type: report.subjectType,
        id: report.subjectId,
        resolution: 'dismissed',
        operatorId: operator.userId,
        note: input.note ?? null,
        at: now,
      });
      const projectId = report.subjectType === 'project' ? report.subjectId : await selectCommentProjectId(tx, report.subjectId);
      await auditResolution(tx, report, 'dismiss', input.note, projectId, now, from ?? operator);
    });
  }
  return (await presentReports(ctx.db, [(await selectReport(ctx.db, id))!]))[0]!;
}
