import { and, isNull, lte, ne, or, inArray, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { campaigns } from '../../db/schema/funding.js';
import type { Job } from '../../jobs/types.js';
import { dropExpiredErrored, purgePledgeRequests, recoverCollecting, resumeMoneyFlows, resumeStaleCharging } from './recover.js';
import { settleCampaign } from './settle-campaign.js';

/**
 * Settles every campaign whose deadline passed, and resumes settlements left unfinished. Several processes
 * may run it at once: settlement claims its pledges with FOR UPDATE SKIP LOCKED and each step is idempotent.
 */
export async function settleDueCampaigns(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(
      and(
        isNull(campaigns.settledAt),
        ne(campaigns.status, 'draft'),
        or(
          and(eq(campaigns.status, 'live'), lte(campaigns.deadline, now)),
          inArray(campaigns.status, ['succeeded', 'failed', 'ended', 'cancelled']),
        ),
      ),
    )
    .limit(20);
  for (const c of due) await settleCampaign(ctx, c.id);
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
