// Segments of respondents: everyone, the project's backers, its followers, and the others (neither).
import type { Executor } from '../../db/client.js';
import { followerIds } from '../community/audience.js';
import { backerUserIds } from '../funding/backers.js';
import { selectResponseSeqsOfUsers } from './results-queries.js';
import type { ResolvedSegment } from './segment-sql.js';

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

/** A segment resolved to the seqs of the survey's responses it keeps or leaves out (one query, none for everyone). */
export async function resolveSegment(db: Executor, surveyId: string, f: SegmentFilter): Promise<ResolvedSegment> {
  if (f.kind === 'all') return f;
  if (!f.userIds.length) return { kind: f.kind, responseSeqs: [] };
  return { kind: f.kind, responseSeqs: await selectResponseSeqsOfUsers(db, surveyId, f.userIds) };
}
