import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import type { AuditFrom } from '../audit/record-audit.js';
import { forgetCampaignTerms } from './campaign-terms.js';
import { requireCampaignHost } from './campaigns.js';
import { settleCampaign } from './settle-campaign.js';

/**
 * Calls a campaign off (its hosts, or an operator): a draft, or a live campaign whose backers were not charged yet,
 * whose pending pledges are then voided by the settlement flow.
 * @example await cancelCampaign(ctx, actor, campaignId, auditContext(request))
 */
export async function cancelCampaign(ctx: AppContext, actor: Actor, id: string, from?: AuditFrom): Promise<void> {
  // Why: calling a campaign off ends what its backers pledged; only its hosts (or an operator) may.
  await requireCampaignHost(ctx.db, id, actor);
  await settleCampaign(ctx, id, { cancel: true, audit: from });
  forgetCampaignTerms(id);
}
