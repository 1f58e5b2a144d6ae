// Segments of respondents: everyone, the project's backers, its followers, and the others (neither).
import type { Executor } from '../../db/client.js';
import { followerIds } from '../community/audience.js';
import { backerUserIds } from '../funding/backers.js';

export const SEGMENTS = ['everyone', 'backers', 'followers', 'others'] as const;
export type Segment = (typeof SEGMENTS)[number];

/**
 * Who a segment keeps: everyone; only some accounts; or everyone except some accounts. Backers and followers
 * overlap (a backer who follows is in both); "others" is everyone who is neither, anonymous respondents included.
 */
export type SegmentFilter = { kind: 'all' } | { kind: 'only'; userIds: string[] } | { kind: 'except'; userIds: string[] };

/**
 * The filter for a segment of a project's respondents, membership read now (not when they answered).
 * @example await segmentFilter(db, project.id, 'backers') // { kind: 'only', userIds: [...] }
 */
export async function segmentFilter(db: Executor, projectId: string, segment: Segment): Promise<SegmentFilter> {
  switch (segment) {
    case 'everyone':
      return { kind: 'all' };
    case 'backers':
      return { kind: 'only', userIds: await backerUserIds(db, projectId) };
    case 'followers':
      return { kind: 'only', userIds: await followerIds(db, projectId) };
    case 'others': {
      const [backers, followers] = [await backerUserIds(db, projectId), await followerIds(db, projectId)];
      return { kind: 'except', userIds: [...new Set([...backers, ...followers])] };
    }
  }
}
