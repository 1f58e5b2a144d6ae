import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { csrfTokenFor, requireActor, setSessionCookie, SESSION_COOKIE } from '../../http/auth.js';
import { RATE_LIMITS } from '../../http/rate-limit.js';
import { ZIdParams, ZLocale, errorResponses } from '../../http/schemas.js';
import * as accounts from './service.js';
import { auditContext } from '../audit/record-audit.js';

export const ZSignupRequest = z.object({
  email: z.string().trim().email('must be a valid e-mail address').max(254),
  password: z.string().min(10, 'must be at least 10 characters').max(200),
  name: z.string().trim().min(1, 'is required').max(100),
  locale: ZLocale.optional(),
});
export const ZLoginRequest = z.object({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });
const ZMe = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  bio: z.string(),
  locale: z.string(),
  role: z.enum(['member', 'operator']),
  createdAt: z.string(),
});
const ZSessionAnswer = z.object({ user: ZMe, csrfToken: z.string() });

export async function accountsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];

  r.post(
    '/auth/signup',
    {
      schema: {
        tags,
        summary: 'Create an account and start a session',
        body: ZSignupRequest,
        response: { 201: ZSessionAnswer, ...errorResponses },
      },
      config: { auth: 'anyone', skipCsrf: true, rateLimit: RATE_LIMITS.signup },
    },
    async (request, reply) => {
      const { user, session } = await accounts.signup(ctx, request.body);
      setSessionCookie(reply, ctx, session.token, session.expiresAt);
      return reply.status(201).send({ user: accounts.toMe(user), csrfToken: session.csrfToken });
    },
  );

  r.post(
    '/auth/login',
    {
      schema: { tags, summary: 'Sign in', body: ZLoginRequest, response: { 200: ZSessionAnswer, ...errorResponses } },
      config: { auth: 'anyone', skipCsrf: true, rateLimit: RATE_LIMITS.login },
    },
    async (request, reply) => {
      const { user, session } = await accounts.login(ctx, request.body);
      setSessionCookie(reply, ctx, session.token, session.expiresAt);
      return { user: accounts.toMe(user), csrfToken: session.csrfToken };
    },
  );

  r.post(
    '/auth/logout',
    { config: { auth: 'anyone' }, schema: { tags, summary: 'Sign out', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      if (request.actor?.sessionId) await accounts.logout(ctx, request.actor.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/auth/csrf',
    { schema: { tags, summary: 'The token for the X-CSRF-Token header', response: { 200: z.object({ token: z.string() }) } } },
    async (request, reply) => ({
      token: csrfTokenFor(request, reply, ctx),
    }),
  );

  r.post(
    '/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'E-mail a password reset link',
        body: z.object({ email: z.string().trim().email().max(254) }),
        response: { 202: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
      config: { auth: 'anyone', skipCsrf: true, rateLimit: RATE_LIMITS.passwordReset },
    },
    async (request, reply) => {
      await accounts.requestPasswordReset(ctx, request.body.email);
      return reply.status(202).send({ ok: true as const });
    },
  );

  r.post(
    '/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Choose a new password with a reset token',
        body: z.object({ token: z.string().min(10).max(200), password: ZSignupRequest.shape.password }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses },
      },
      config: { auth: 'anyone', skipCsrf: true, rateLimit: RATE_LIMITS.passwordReset },
    },
    async (request) => {
      await accounts.confirmPasswordReset(ctx, request.body.token, request.body.password);
      return { ok: true as const };
    },
  );

  r.get(
    '/me',
    { config: { auth: 'person' }, schema: { tags, summary: 'The current account', response: { 200: ZMe, ...errorResponses } } },
    async (request) => accounts.toMe(await accounts.getUser(ctx, requireActor(request).userId)),
  );

  r.patch(
    '/me',
    {
      schema: {
        tags,
        summary: 'Edit my profile',
        body: z.object({
          name: z.string().trim().min(1).max(100).optional(),
          bio: z.string().max(2000).optional(),
          locale: ZLocale.optional(),
        }),
        response: { 200: ZMe, ...errorResponses },
      },
    },
    async (request) => accounts.toMe(await accounts.updateMe(ctx, requireActor(request).userId, request.body)),
  );

  r.post(
    '/me/password',
    {
      schema: {
        tags,
        summary: 'Change my password',
        description:
          'Checks the current password (403 `wrong_password` naming `body.currentPassword` when it is wrong). Keeps the calling session signed in, ' +
          'ends every other session and revokes every API token (a token caller’s own included), and e-mails the person. Rate limited like sign-in.',
        body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: ZSignupRequest.shape.password }),
        response: { 200: z.object({ sessionsEnded: z.number().int(), tokensRevoked: z.number().int() }), ...errorResponses },
      },
      config: { rateLimit: RATE_LIMITS.login },
    },
    async (request) => accounts.changePassword(ctx, requireActor(request), request.body),
  );

  r.post(
    '/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        body: z.object({ name: z.string().trim().min(1).max(100) }),
        response: { 201: z.object({ id: z.string(), name: z.string(), token: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await accounts.createToken(ctx, requireActor(request).userId, request.body.name, auditContext(request))),
  );

  r.get(
    '/tokens',
    {
      config: { auth: 'person' },
      schema: {
        tags,
        summary: 'My API tokens (never the secret)',
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), name: z.string(), prefix: z.string(), lastUsedAt: z.string().nullable(), createdAt: z.string() }),
            ),
            nextCursor: z.null(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ items: await accounts.listTokens(ctx, requireActor(request).userId), nextCursor: null }),
  );

  r.delete(
    '/tokens/:id',
    { schema: { tags, summary: 'Revoke an API token', params: ZIdParams, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await accounts.deleteToken(ctx, requireActor(request).userId, request.params.id, auditContext(request));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'A public profile with reputation',
        params: ZIdParams,
        response: {
          200: z.object({ id: z.string(), name: z.string(), bio: z.string(), createdAt: z.string(), reputation: z.number() }),
          ...errorResponses,
        },
      },
    },
    async (request) => accounts.publicProfile(ctx, request.params.id),
  );
}
