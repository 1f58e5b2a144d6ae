// The surveys API as the web app reads it (see src/modules/surveys/schemas.ts).
export type QuestionKind = 'single' | 'multiple' | 'scale' | 'nps' | 'number' | 'text' | 'ranking' | 'price';
export const QUESTION_KINDS: QuestionKind[] = ['single', 'multiple', 'scale', 'nps', 'number', 'text', 'ranking', 'price'];
export type SurveyStatus = 'draft' | 'open' | 'closed';
export type Segment = 'everyone' | 'backers' | 'followers' | 'others';
export const SEGMENTS: Segment[] = ['everyone', 'backers', 'followers', 'others'];

export interface PriceValue {
  tooCheap: number;
  cheap: number;
  expensive: number;
  tooExpensive: number;
}
export const PRICE_PARTS: (keyof PriceValue)[] = ['tooCheap', 'cheap', 'expensive', 'tooExpensive'];

export type AnswerValue = string | number | string[] | PriceValue;

export interface Question {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  required: boolean;
  min: number | null;
  max: number | null;
  scale: number | null;
  currency: string | null;
  intent: boolean;
}

export interface SurveySummary {
  id: string;
  projectId: string;
  title: string;
  status: SurveyStatus;
  anonymous: boolean;
  resultsPublic: boolean;
  responses: number;
  openedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Survey extends SurveySummary {
  description: string;
  descriptionHtml: string;
  questions: Question[];
  viewer: { isHost: boolean; canAnswer: boolean; canReadResults: boolean };
  myResponse: { id: string; createdAt: string; updatedAt: string; answers: { questionId: string; value: AnswerValue }[] } | null;
}

export type Interval = [number, number];

export interface PricePoint {
  price: number;
  tooCheap: number;
  cheap: number;
  expensive: number;
  tooExpensive: number;
  notCheap: number;
  notExpensive: number;
}

export interface QuestionResult {
  id: string;
  kind: QuestionKind;
  prompt: string;
  responses: number;
  options?: { label: string; count: number; share: number; interval: Interval }[];
  mean?: number | null;
  meanInterval?: Interval | null;
  median?: number | null;
  histogram?: { from: number; to: number; count: number }[];
  nps?: { score: number; interval: Interval; promoters: number; passives: number; detractors: number };
  borda?: { label: string; score: number; averageRank: number | null; firstPlace: number }[];
  price?: {
    currency: string | null;
    curves: PricePoint[];
    acceptableRange: Interval | null;
    optimalPricePoint: number | null;
    indifferencePricePoint: number | null;
    pointOfMarginalCheapness: number | null;
    pointOfMarginalExpensiveness: number | null;
  };
  texts?: string[];
}

export interface SurveyResults {
  surveyId: string;
  segment: Segment;
  responses: number;
  questions: QuestionResult[];
}

export interface DailyPoint {
  date: string;
  count: number;
  total: number;
}

export interface ValidationPanel {
  projectId: string;
  days: number;
  from: string;
  to: string;
  followers: { total: number; daily: DailyPoint[] };
  signups: { total: number; notified: number; daily: DailyPoint[] };
  survey: {
    id: string;
    title: string;
    status: string;
    responses: number;
    intent: { questionId: string; prompt: string; kind: string; definition: string; yes: number; respondents: number; share: number; interval: Interval } | null;
    price: {
      questionId: string;
      prompt: string;
      currency: string | null;
      respondents: number;
      acceptableRange: Interval | null;
      optimalPricePoint: number | null;
      indifferencePricePoint: number | null;
    } | null;
  } | null;
  ideas: { challenges: number; ideas: number; votes: number; upvotes: number; voters: number; top: { id: string; title: string; status: string; score: number; votes: number }[] };
  campaign: {
    id: string;
    title: string;
    status: string;
    model: string;
    currency: string;
    goal: number;
    deadline: string;
    raised: number;
    backers: number;
    tiers: { id: string; title: string; price: number }[];
    medianTierPrice: number | null;
  } | null;
  summary: {
    verdict: 'launch' | 'almost' | 'wait' | 'unknown';
    backersNeeded: number | null;
    expectedBackers: { estimate: number; interval: Interval } | null;
    coverage: number | null;
    priceCheck: 'inside' | 'below' | 'above' | null;
    reasons: string[];
  };
}
