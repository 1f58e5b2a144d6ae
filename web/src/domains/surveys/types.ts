// The surveys API as the web app reads it, named from the generated client (web/src/api/schema.d.ts).
import type { ApiItem, ApiResponse } from '../../api';

export type Survey = ApiResponse<'/api/v1/surveys/{id}'>;
export type SurveySummary = ApiItem<'/api/v1/projects/{id}/surveys'>;
export type SurveyStatus = Survey['status'];
export type Question = Survey['questions'][number];
export type QuestionKind = Question['kind'];
export const QUESTION_KINDS: QuestionKind[] = ['single', 'multiple', 'scale', 'nps', 'number', 'text', 'ranking', 'price'];

// The document leaves an answer's value open (`unknown`): these two are the web's own, narrower reading of it.
export interface PriceValue {
  tooCheap: number;
  cheap: number;
  expensive: number;
  tooExpensive: number;
}
export type AnswerValue = string | number | string[] | PriceValue;
export const PRICE_PARTS: (keyof PriceValue)[] = ['tooCheap', 'cheap', 'expensive', 'tooExpensive'];

export type SurveyResults = ApiResponse<'/api/v1/surveys/{id}/results'>;
export type Segment = SurveyResults['segment'];
export const SEGMENTS: Segment[] = ['everyone', 'backers', 'followers', 'others'];
export type QuestionResult = SurveyResults['questions'][number];
export type PricePoint = NonNullable<QuestionResult['price']>['curves'][number];
/** A 95% interval: [low, high]. */
export type Interval = number[];

export type ValidationPanel = ApiResponse<'/api/v1/projects/{id}/validation'>;
export type DailyPoint = ValidationPanel['followers']['daily'][number];
