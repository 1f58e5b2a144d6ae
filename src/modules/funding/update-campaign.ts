import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { conflict, invalid } from '../../lib/errors.js';
import { updateCampaignInStatus } from './campaign-queries.js';
import { requireCampaignHost, type Campaign } from './campaigns.js';
import { stretchGoalsOf } from './create-campaign.js';
import type { ZUpdateCampaignRequest } from './schemas.js';

/**
 * Edits a campaign (hosts). Title, description and stretch goals may change while it is live; its goal and
 * deadline only while it is a draft (backers pledged on them).
 * @example await updateCampaign(ctx, actor, id, { description: 'Updated story' })
 */
export async function updateCampaign(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: z.infer<typeof ZUpdateCampaignRequest>,
): Promise<void> {
  const { campaign } = await requireCampaignHost(ctx.db, id, actor);
  if (campaign.status !== 'draft' && campaign.status !== 'live')
    throw conflict('campaign_closed', 'This campaign has ended and can no longer change.');
  const set: Partial<Campaign> = { updatedAt: ctx.clock.now() };
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.goal !== undefined) {
    if (patch.goal.currency !== campaign.currency && campaign.status === 'live')
      throw conflict('campaign_live', 'A live campaign’s currency cannot change.', { field: 'body.goal.currency' });
    if ((patch.goal.amount !== campaign.goal || patch.goal.currency !== campaign.currency) && campaign.status === 'live') {
      throw conflict('campaign_live', 'A live campaign’s goal cannot change.', { field: 'body.goal' });
    }
    if (patch.goal.currency !== campaign.currency)
      throw invalid('currency_fixed', 'A campaign keeps the currency it was created in; create another one.', {
        field: 'body.goal.currency',
      });
    set.goal = patch.goal.amount;
  }
  if (patch.deadline !== undefined) {
    const deadline = new Date(patch.deadline);
    if (campaign.status === 'live' && deadline.getTime() !== campaign.deadline.getTime()) {
      throw conflict('campaign_live', 'A live campaign’s deadline cannot change.', { field: 'body.deadline' });
    }
    if (deadline.getTime() <= ctx.clock.now().getTime())
      throw invalid('deadline_in_past', 'The deadline must be in the future.', { field: 'body.deadline' });
    set.deadline = deadline;
  }
  if (patch.stretchGoals !== undefined) set.stretchGoals = stretchGoalsOf(patch.stretchGoals, set.goal ?? campaign.goal, campaign.currency);
  // The status read above must still hold: a launch racing this edit wins, and the edit is refused.
  if (!(await updateCampaignInStatus(ctx.db, campaign.id, campaign.status, set)))
    throw conflict('campaign_changed', 'This campaign changed meanwhile (launched or ended): reload it and try again.');
}
