// The shapes the ideas API answers, named from the generated client (web/src/api/schema.d.ts).
import type { ApiItem, ApiResponse } from '../../api';

export type Challenge = ApiResponse<'/api/v1/challenges/{id}'>;
export type Phase = Challenge['phase'];
export type Budget = NonNullable<Challenge['viewer']['budget']>;
/** An idea as a challenge's list answers it (ranked: with its rank, score, interval and comparisons). */
export type Idea = ApiItem<'/api/v1/challenges/{id}/ideas'>;
export type IdeaStatus = Idea['status'];
export const IDEA_STATUSES: IdeaStatus[] = ['submitted', 'shortlisted', 'selected', 'implemented', 'rejected'];
export type VoteAnswer = ApiResponse<'/api/v1/ideas/{id}/votes', 'post'>;
