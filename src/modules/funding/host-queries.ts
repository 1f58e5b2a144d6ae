// Statements behind the hosts' views of a campaign's pledges and a backer's list of their own.
import { and, asc, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { campaigns, campaignTiers, pledges, type PledgeStatus } from '../../db/schema/funding.js';
import { projectSlugSql, projectTitleSql } from '../projects/project-label-sql.js';

/** A page of a campaign's pledges (in `statuses` when given), by id after `afterId`, with each tier's title. */
export function selectPledgesOfCampaign(
  db: Executor,
  campaignId: string,
  opts: { statuses?: PledgeStatus[]; afterId?: string; limit: number },
) {
  return db
    .select({ pledge: pledges, tierTitle: campaignTiers.title })
    .from(pledges)
    .leftJoin(campaignTiers, eq(campaignTiers.id, pledges.tierId))
    .where(
      and(
        eq(pledges.campaignId, campaignId),
        opts.statuses ? inArray(pledges.status, opts.statuses) : undefined,
        opts.afterId !== undefined ? gt(pledges.id, opts.afterId) : undefined,
      ),
    )
    .orderBy(asc(pledges.id))
    .limit(opts.limit);
}

/** Money pledged (net of refunds) and pledges per UTC day, for pledges in `statuses`. */
export function selectPledgedPerDay(db: Executor, campaignId: string, statuses: PledgeStatus[]) {
  const day = sql<string>`to_char(${pledges.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  return db
    .select({
      date: day,
      amount: sql<number>`sum(${pledges.amount} - ${pledges.refundedAmount})`.mapWith(Number),
      pledges: sql<number>`count(*)`.mapWith(Number),
    })
    .from(pledges)
    .where(and(eq(pledges.campaignId, campaignId), inArray(pledges.status, statuses)))
    .groupBy(day)
    .orderBy(day);
}

/** A page of a backer's pledges, newest first (before `beforeId`), with their campaign, project and tier. */
export function selectPledgesOfBacker(db: Executor, backerId: string, opts: { beforeId?: string; limit: number }) {
  return db
    .select({
      pledge: pledges,
      campaignTitle: campaigns.title,
      campaignStatus: campaigns.status,
      deadline: campaigns.deadline,
      projectId: campaigns.projectId,
      projectSlug: projectSlugSql(campaigns.projectId),
      projectTitle: projectTitleSql(campaigns.projectId),
      tierTitle: campaignTiers.title,
    })
    .from(pledges)
    .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
    .leftJoin(campaignTiers, eq(campaignTiers.id, pledges.tierId))
    .where(and(eq(pledges.backerId, backerId), opts.beforeId ? lt(pledges.id, opts.beforeId) : undefined))
    .orderBy(desc(pledges.id))
    .limit(opts.limit);
}
