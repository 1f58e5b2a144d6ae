import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { conflict, invalid } from '../../lib/errors.js';
import { followerIds, markSignupsNotified, pendingSignups } from '../community/audience.js';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../db/errors.js';
import { queueMail } from '../mail/service.js';
import { notify } from '../notifications/service.js';
import { markCampaignLive } from './campaign-queries.js';
import { requireCampaignHost } from './campaigns.js';

/** A campaign runs at least this long after launch … */
export const MIN_DURATION_MS = 3600_000;
/** … and at most this long (card-saving campaigns much longer than this lose their backers' attention). */
export const MAX_DURATION_MS = 90 * 24 * 3600_000;

/**
 * Launches a draft campaign (hosts): it goes live, takes pledges until its deadline, and everyone who asked
 * to be told at launch (e-mail, and in-app when they have an account) and the project's followers (in-app)
 * are told. A project runs one live campaign at a time.
 * @example await launchCampaign(ctx, actor, campaignId)
 */
export async function launchCampaign(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { campaign, project } = await requireCampaignHost(ctx.db, id, actor);
  if (campaign.status !== 'draft') throw conflict('campaign_not_draft', 'Only a draft campaign can be launched; this one already was.');
  const now = ctx.clock.now();
  const left = campaign.deadline.getTime() - now.getTime();
  if (left < MIN_DURATION_MS)
    throw invalid('deadline_too_soon', 'The deadline is less than an hour away: move it later before launching.', { field: 'deadline' });
  if (left > MAX_DURATION_MS)
    throw invalid('deadline_too_far', 'A campaign runs at most 90 days: move the deadline closer before launching.', { field: 'deadline' });
  try {
    await ctx.db.transaction(async (tx) => {
      if (!(await markCampaignLive(tx, campaign.id, now)))
        throw conflict('campaign_not_draft', 'Only a draft campaign can be launched; this one already was.');
      const data = {
        campaignId: campaign.id,
        projectId: project.id,
        projectSlug: project.slug,
        projectTitle: project.title,
        campaignTitle: campaign.title,
      };
      const signups = await pendingSignups(tx, project.id);
      const followers = await followerIds(tx, project.id);
      const userIds = [...new Set([...followers, ...signups.flatMap((s) => (s.userId ? [s.userId] : []))])];
      if (userIds.length) await notify(tx, { userIds, kind: 'campaign_launched', subject: `campaign:${campaign.id}`, data });
      const link = `${ctx.config.FOULE_PUBLIC_URL}/projects/${project.slug}`;
      for (const s of signups) {
        await queueMail(
          tx,
          s.locale === 'fr'
            ? {
                to: s.email,
                subject: `${project.title} est lancé sur Foule`,
                text: `Bonjour,\n\nVous avez demandé à être prévenu·e : la campagne « ${campaign.title} » de ${project.title} vient d’être lancée.\n\n${link}\n`,
              }
            : {
                to: s.email,
                subject: `${project.title} just launched on Foule`,
                text: `Hello,\n\nYou asked to be told: the campaign "${campaign.title}" of ${project.title} has just launched.\n\n${link}\n`,
              },
        );
      }
      await markSignupsNotified(
        tx,
        signups.map((s) => s.id),
        now,
      );
    });
  } catch (e) {
    if (pgErrorCode(e) === UNIQUE_VIOLATION)
      throw conflict('project_has_live_campaign', 'This project already has a live campaign: it runs one at a time.');
    throw e;
  }
}
