// The shapes the questions-and-answers API answers, named from the generated client (web/src/api/schema.d.ts).
import type { ApiItem, ApiResponse } from '../../api';

export type QuestionSummary = ApiItem<'/api/v1/questions'>;
export type Question = ApiResponse<'/api/v1/questions/{id}'>;
export type Answer = Question['answers'][number];
export type VoteState = ApiResponse<'/api/v1/questions/{id}/votes', 'post'>;
