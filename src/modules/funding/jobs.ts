import type { AppContext } from '../../context.js';
import type { Job } from '../../jobs/types.js';
import { selectDueCampaignIds } from './campaign-queries.js';
import { dropExpiredErrored, purgePledgeRequests, recoverCollecting, resumeMoneyFlows, resumeStaleCharging } from './recover.js';
import { settleCampaign } from './settle-campaign.js';

/**
 * Settles every campaign whose deadline passed, and resumes settlements left unfinished. Several processes
 * may run it at once: settlement claims its pledges with FOR UPDATE SKIP LOCKED and each step is idempotent.
 */
export async function settleDueCampaigns(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await selectDueCampaignIds(ctx.db, now, 20);
  for (const id of due) await settleCampaign(ctx, id);
  return due.length;
}

export const jobs: Job[] = [
  { name: 'funding.settle-due', intervalMs: 30_000, run: settleDueCampaigns },
  { name: 'funding.drop-errored', intervalMs: 60_000, run: dropExpiredErrored },
  {
    name: 'funding.recover',
    intervalMs: 60_000,
    run: async (ctx) => (await recoverCollecting(ctx)) + (await resumeStaleCharging(ctx)) + (await resumeMoneyFlows(ctx)),
  },
  { name: 'funding.purge-pledge-requests', intervalMs: 3600_000, run: purgePledgeRequests },
];
