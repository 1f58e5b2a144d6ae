import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { notify } from '../notifications/service.js';
import { findProject } from '../projects/access.js';
import { setProjectHidden } from '../projects/service.js';
import { resolveOpenReports } from './moderation-queries.js';
import { auditResolution, logAction, type Report } from './moderation-steps.js';

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
    if (hidden)
      await resolveOpenReports(tx, {
        type: 'project',
        id: project.id,
        resolution: 'hidden',
        operatorId: operator.userId,
        note: reason ?? null,
        at: now,
      });
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
