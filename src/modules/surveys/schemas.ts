// Request and response shapes of the surveys API (they also document it in the OpenAPI document).
import { z } from 'zod';
import { QUESTION_KINDS } from './questions.js';
import { SEGMENTS } from './segments.js';

export const ZAnswerValue = z
  .unknown()
  .describe(
    'By kind: single → an option label; multiple → a list of option labels; ranking → every option label, best first; ' +
      'scale → a whole number 1…scale; nps → a whole number 0…10; number → a number within min…max; text → a string; ' +
      'price → {tooCheap, cheap, expensive, tooExpensive}, whole amounts in minor units of the question currency, in ' +
      'that order (tooCheap ≤ cheap ≤ expensive ≤ tooExpensive). null or absent skips an optional question.',
  );

export const ZSurveyListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
  status: z.enum(['draft', 'open', 'closed']).optional(),
});

export const ZResultsQuery = z.object({ segment: z.enum(SEGMENTS).default('everyone') });

const ZQuestion = z.object({
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  prompt: z.string(),
  options: z.array(z.string()),
  required: z.boolean(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  scale: z.number().nullable(),
  currency: z.string().nullable(),
  intent: z.boolean(),
});

export const ZSurveySummary = z.object({
  id: z.string(),
  projectId: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  anonymous: z.boolean(),
  resultsPublic: z.boolean(),
  responses: z.number(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const ZMyResponse = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  answers: z.array(z.object({ questionId: z.string(), value: z.unknown() })),
});

export const ZSurvey = ZSurveySummary.extend({
  description: z.string(),
  descriptionHtml: z.string(),
  questions: z.array(ZQuestion),
  viewer: z.object({ isHost: z.boolean(), canAnswer: z.boolean(), canReadResults: z.boolean() }),
  myResponse: ZMyResponse.nullable(),
});

export const ZSubmitResponseAnswer = ZMyResponse.extend({ created: z.boolean() });

const ZInterval = z.tuple([z.number(), z.number()]);

export const ZSurveyResults = z.object({
  surveyId: z.string(),
  segment: z.enum(SEGMENTS),
  responses: z.number(),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(QUESTION_KINDS),
      prompt: z.string(),
      responses: z.number(),
      options: z.array(z.object({ label: z.string(), count: z.number(), share: z.number(), interval: ZInterval })).optional(),
      mean: z.number().nullable().optional(),
      meanInterval: ZInterval.nullable().optional(),
      median: z.number().nullable().optional(),
      histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number() })).optional(),
      nps: z
        .object({ score: z.number(), interval: ZInterval, promoters: z.number(), passives: z.number(), detractors: z.number() })
        .optional(),
      borda: z
        .array(z.object({ label: z.string(), score: z.number(), averageRank: z.number().nullable(), firstPlace: z.number() }))
        .optional(),
      price: z
        .object({
          currency: z.string().nullable(),
          curves: z.array(
            z.object({
              price: z.number(),
              tooCheap: z.number(),
              cheap: z.number(),
              expensive: z.number(),
              tooExpensive: z.number(),
              notCheap: z.number(),
              notExpensive: z.number(),
            }),
          ),
          acceptableRange: ZInterval.nullable(),
          optimalPricePoint: z.number().nullable(),
          indifferencePricePoint: z.number().nullable(),
          pointOfMarginalCheapness: z.number().nullable(),
          pointOfMarginalExpensiveness: z.number().nullable(),
        })
        .optional(),
      texts: z.array(z.string()).optional(),
    }),
  ),
});
