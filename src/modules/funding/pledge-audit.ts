import type { Executor } from '../../db/client.js';
import { recordAudit, type AuditFrom } from '../audit/record-audit.js';
import type { Actor } from '../../http/auth.js';
import { selectCampaignProjectId } from './campaign-queries.js';

/**
 * The audit entry of something done to a pledge (a refund, a fixed card), filed under its campaign's project.
 * @example await auditPledge(tx, { action: 'pledge.fix', pledgeId, campaignId, summary, data, at: now }, from ?? actor)
 */
export async function auditPledge(
  tx: Executor,
  entry: { action: string; pledgeId: string; campaignId: string; summary: string; data: Record<string, unknown>; at: Date },
  from: AuditFrom | Actor,
): Promise<void> {
  await recordAudit(
    tx,
    {
      action: entry.action,
      targetType: 'pledge',
      targetId: entry.pledgeId,
      projectId: await selectCampaignProjectId(tx, entry.campaignId),
      summary: entry.summary,
      data: entry.data,
      at: entry.at,
    },
    from,
  );
}
