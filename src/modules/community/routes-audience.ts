import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/auth.js';
import { idRouteSchema } from '../../http/route-schema.js';
import { ZIdParams, ZLocale, errorResponses } from '../../http/schemas.js';
import { followProject, unfollowProject } from './follows.js';
import { signUpForLaunch, signupStats } from './signups.js';

const ZFollowState = z.object({ projectId: z.string(), following: z.boolean(), followers: z.number().int() });
export const ZSignupRequest = z
  .object({
    email: z
      .string()
      .trim()
      .email('must be a valid e-mail address')
      .max(254)
      .optional()
      .describe('needed when not signed in; ignored when signed in'),
    locale: ZLocale.optional(),
  })
  .nullish()
  .describe('optional when signed in');
const ZSignupAnswer = z.object({ projectId: z.string(), email: z.string(), alreadySignedUp: z.boolean() });
const ZSignupStats = z.object({
  projectId: z.string(),
  count: z.number().int(),
  notified: z.number().int(),
  withAccount: z.number().int(),
  followers: z.number().int(),
  days: z.number().int(),
  daily: z.array(z.object({ date: z.string().describe('YYYY-MM-DD, UTC'), count: z.number().int() })),
});

/** Follows and "notify me at launch" sign-ups. */
export async function audienceRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];
  const onId = idRouteSchema('community');

  r.post(
    '/projects/:id/follow',
    { schema: { tags, summary: 'Follow a project (idempotent)', params: ZIdParams, response: { 200: ZFollowState, ...errorResponses } } },
    async (request) => followProject(ctx, requireActor(request), request.params.id),
  );

  r.delete(
    '/projects/:id/follow',
    onId({
      summary: 'Stop following a project (idempotent)',
      response: { 200: ZFollowState },
    }),
    async (request) => unfollowProject(ctx, requireActor(request), request.params.id),
  );

  r.post(
    '/projects/:id/signups',
    {
      ...onId({
        summary: '"Notify me at launch": your account e-mail when signed in, else {email}; 201 the first time, 200 after',
        body: ZSignupRequest,
        response: { 200: ZSignupAnswer, 201: ZSignupAnswer },
      }),
      config: { auth: 'anyone', rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const answer = await signUpForLaunch(ctx, request.actor, request.params.id, request.body ?? {});
      return reply.status(answer.alreadySignedUp ? 200 : 201).send(answer);
    },
  );

  r.get(
    '/projects/:id/signups',
    onId({
      summary: 'Launch sign-ups for the validation panel (hosts): total and per day',
      querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }),
      response: { 200: ZSignupStats },
    }),
    async (request) => signupStats(ctx, request.actor, request.params.id, request.query.days),
  );
}
