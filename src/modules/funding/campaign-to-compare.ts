import type { Executor } from '../../db/client.js';
import { selectLatestCampaignOfProject } from './campaign-queries.js';

/**
 * The campaign a project's validation panel compares with: the latest draft or live one, else the latest; null if none.
 * @example await campaignToCompare(db, project.id)
 */
export async function campaignToCompare(db: Executor, projectId: string) {
  return (await selectLatestCampaignOfProject(db, projectId)) ?? null;
}
