// Steps that the moderation use cases share: logging what an operator did, and auditing a report's resolution.
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { newId } from '../../lib/ids.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { insertModerationAction, type ModeratedType, type Report } from './moderation-queries.js';

export type { ModeratedType, Report };

/** Logs that an operator hid or showed again a comment or a project. */
export async function logAction(
  tx: Executor,
  a: { type: ModeratedType; id: string; action: 'hide' | 'unhide'; operatorId: string; reason?: string | null; at: Date },
) {
  await insertModerationAction(tx, {
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
export async function auditResolution(
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
