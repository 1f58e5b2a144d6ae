import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError } from '../../lib/errors.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { notify } from '../notifications/service.js';
import { redactNotificationsAbout } from '../notifications/redaction-sql.js';
import { setActivityHidden } from './activity.js';
import { lockCommentForModeration, updateCommentHidden } from './comment-queries.js';
import { getComment } from './comments.js';
import { resolveOpenReports } from './moderation-queries.js';
import { auditResolution, logAction, type Report } from './moderation-steps.js';

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
    const c = await lockCommentForModeration(tx, id);
    if (!c) throw new DomainError('comment_not_found', 'No comment with this id.');
    if (hidden)
      await resolveOpenReports(tx, {
        type: 'comment',
        id,
        resolution: 'hidden',
        operatorId: operator.userId,
        note: reason ?? null,
        at: now,
      });
    if (resolving) await auditResolution(tx, resolving, 'hide', reason, c.projectId, now, from ?? operator);
    if (c.hidden === hidden) return; // already so: nothing to log or tell
    await updateCommentHidden(tx, id, hidden);
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
      await redactNotificationsAbout(tx, `comment:${id}`);
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
