import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { campaigns, pledges } from '../../db/schema/funding.js';

/**
 * Pledge statuses that make a person a backer: a pledge waiting to be charged (`pending`, or `charging`
 * while settlement charges it) or charged (`collected`, also when partly refunded).
 */
export const BACKING_STATUSES = ['pending', 'charging', 'collected'] as const;

/**
 * The user ids of everyone backing one of a project's campaigns (any campaign, any model).
 * @example const ids = await backerUserIds(db, project.id) // ['usr_…', …]
 */
export async function backerUserIds(db: Executor, projectId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: pledges.backerId })
    .from(pledges)
    .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
    .where(and(eq(campaigns.projectId, projectId), inArray(pledges.status, [...BACKING_STATUSES])));
  return rows.map((r) => r.userId);
}

/**
 * Whether a person backs one of a project's campaigns.
 * @example if (await isBacker(db, project.id, actor.userId)) segment = 'backers'
 */
export async function isBacker(db: Executor, projectId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(pledges)
    .innerJoin(campaigns, eq(campaigns.id, pledges.campaignId))
    .where(and(eq(pledges.backerId, userId), eq(campaigns.projectId, projectId), inArray(pledges.status, [...BACKING_STATUSES])))
    .limit(1);
  return rows.length > 0;
}
