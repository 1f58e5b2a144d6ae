import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { validationPanel } from './panel.js';

const ZInterval = z.tuple([z.number(), z.number()]);
const ZDaily = z.array(z.object({ date: z.string().describe('YYYY-MM-DD, UTC'), count: z.number(), total: z.number() }));

export const ZValidationQuery = z.object({
  days: z.coerce.number().int().min(7).max(365).default(90),
  surveyId: z.string().min(1).max(100).optional(),
});

export const ZValidationPanel = z.object({
  projectId: z.string(),
  days: z.number(),
  from: z.string(),
  to: z.string(),
  followers: z.object({ total: z.number(), daily: ZDaily }),
  signups: z.object({ total: z.number(), notified: z.number(), daily: ZDaily }),
  survey: z
    .object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      responses: z.number(),
      intent: z
        .object({
          questionId: z.string(),
          prompt: z.string(),
          kind: z.string(),
          definition: z.string().describe('What counts as intent: the first option of a single choice, or the top two points of a scale'),
          yes: z.number(),
          respondents: z.number(),
          share: z.number(),
          interval: ZInterval,
        })
        .nullable(),
      price: z
        .object({
          questionId: z.string(),
          prompt: z.string(),
          currency: z.string().nullable(),
          respondents: z.number(),
          acceptableRange: ZInterval.nullable(),
          optimalPricePoint: z.number().nullable(),
          indifferencePricePoint: z.number().nullable(),
        })
        .nullable(),
    })
    .nullable(),
  ideas: z.object({
    challenges: z.number(),
    ideas: z.number(),
    votes: z.number(),
    upvotes: z.number(),
    voters: z.number(),
    top: z.array(z.object({ id: z.string(), title: z.string(), status: z.string(), score: z.number(), votes: z.number() })),
  }),
  campaign: z
    .object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      model: z.string(),
      currency: z.string(),
      goal: z.number(),
      deadline: z.string(),
      raised: z.number(),
      backers: z.number(),
      tiers: z.array(z.object({ id: z.string(), title: z.string(), price: z.number() })),
      medianTierPrice: z.number().nullable(),
    })
    .nullable(),
  summary: z.object({
    verdict: z.enum(['launch', 'almost', 'wait', 'unknown']),
    backersNeeded: z.number().nullable(),
    expectedBackers: z.object({ estimate: z.number(), interval: ZInterval }).nullable(),
    coverage: z.number().nullable(),
    priceCheck: z.enum(['inside', 'below', 'above']).nullable(),
    reasons: z.array(z.string()),
  }),
});

export async function validationRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/projects/:id/validation',
    idRouteSchema('validation')({
      summary: 'The validation panel (hosts): should I launch?',
      description:
        'Followers and "notify me" sign-ups per day over the last `days` days (default 90); intent to back and the ' +
        'acceptable price range from the validation survey (`surveyId`, else the latest opened survey with an intent ' +
        'or price question); idea traction; the latest draft or live campaign; and the verdict: the goal needs ' +
        '⌈goal / median tier price⌉ backers, the sign-ups should bring sign-ups × intent share (95% Wilson interval). ' +
        'Amounts in minor units.',
      querystring: ZValidationQuery,
      response: { 200: ZValidationPanel },
    }),
    async (request) => validationPanel(ctx, request.actor, request.params.id, request.query),
  );
}
