import type { Executor } from '../../db/client.js';
import { hasPledgeOnProject, selectBackerIdsOfProject } from './pledge-queries.js';

/**
 * Pledge statuses that make a person a backer: a pledge waiting to be charged (`pending`, or `charging`
 * while settlement charges it) or charged (`collected`, also when partly refunded).
 */
export const BACKING_STATUSES = ['pending', 'charging', 'collected'] as const;

/**
 * The user ids of everyone backing one of a project's campaigns (any campaign, any model).
 * @example const ids = await backerUserIds(db, project.id) // ['usr_…', …]
 */
export function backerUserIds(db: Executor, projectId: string): Promise<string[]> {
  return selectBackerIdsOfProject(db, projectId, BACKING_STATUSES);
}

/**
 * Whether a person backs one of a project's campaigns.
 * @example if (await isBacker(db, project.id, actor.userId)) segment = 'backers'
 */
export function isBacker(db: Executor, projectId: string, userId: string): Promise<boolean> {
  return hasPledgeOnProject(db, projectId, userId, BACKING_STATUSES);
}
