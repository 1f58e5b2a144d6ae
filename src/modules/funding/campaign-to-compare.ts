import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { campaigns } from '../../db/schema/funding.js';

/**
 * The campaign a project's validation panel compares with: the latest draft or live one, else the latest; null if none.
 * @example await campaignToCompare(db, project.id)
 */
export async function campaignToCompare(db: Executor, projectId: string) {
  const [campaign] = await db
    .select()
    .from(campaigns)
    .where(eq(campaigns.projectId, projectId))
    .orderBy(sql`CASE WHEN ${campaigns.status} IN ('draft', 'live') THEN 0 ELSE 1 END`, desc(campaigns.createdAt), desc(campaigns.id))
    .limit(1);
  return campaign ?? null;
}
