import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { ActorLookup } from './actor-lookup.js';
import { randomToken, sha256 } from '../lib/ids.js';
import { forbidden, unauthenticated } from '../lib/errors.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'foule_session';
export const CSRF_COOKIE = 'foule_csrf';

export interface Actor {
  userId: string;
  role: 'member' | 'operator';
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes that may be called with a cookie but without the CSRF header (sign-up, login). */
    skipCsrf?: boolean;
    /**
     * Who may call the route at all: `person` (signed in) or `anyone`. Writes default to `person`, reads to
     * `anyone`. Checked before the request is validated, so an anonymous caller gets 401 whatever it sends.
     */
    auth?: 'person' | 'anyone';
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The signed-in person, or a 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

/** An operator of this instance, or a 403. */
export function requireOperator(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  // Why: moderation, settlement and payouts are the instance operators' alone.
  if (actor.role !== 'operator') throw forbidden('Only an operator of this instance can do this.');
  return actor;
}

export function setSessionCookie(reply: FastifyReply, ctx: AppContext, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.FOULE_PUBLIC_URL.startsWith('https://'),
    expires,
  });
}

/**
 * Resolves who is calling (session cookie or `Authorization: Bearer`), then enforces CSRF on
 * cookie-authenticated writes: the `X-CSRF-Token` header must match the session's token.
 */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  const lookup = new ActorLookup(ctx);
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const row = await lookup.token(sha256(header.slice(7).trim()));
      if (!row) throw new AppError(401, 'invalid_token', 'This API token is not valid (revoked or mistyped).');
      request.actor = { userId: row.userId, role: row.role, via: 'token' };
      return;
    }
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) {
      const row = await lookup.session(sha256(token));
      if (row) request.actor = { userId: row.userId, role: row.role, via: 'session', sessionId: row.id, csrfToken: row.csrfToken };
    }
    // Why: a stranger learns nothing of a route's schema (or of anything behind it) before signing in.
    if (!request.actor && request.routeOptions.url && routeNeedsPerson(request)) throw unauthenticated();
    if (!UNSAFE.has(request.method) || request.routeOptions.config?.skipCsrf) return;
    const sent = request.headers['x-csrf-token'];
    if (request.actor?.via === 'session') {
      if (sent !== request.actor.csrfToken) throw csrfError();
    } else if (request.cookies?.[CSRF_COOKIE] && !request.cookies?.[SESSION_COOKIE]) {
      // An anonymous browser that fetched a CSRF token must send it back (anonymous survey answers).
      if (sent !== request.cookies[CSRF_COOKIE]) throw csrfError();
    }
  });
}

function routeNeedsPerson(request: FastifyRequest): boolean {
  const auth = request.routeOptions.config?.auth;
  return auth ? auth === 'person' : UNSAFE.has(request.method);
}

/** The refusal of a write that does not carry the CSRF token of its session or browser. */
export function csrfError(): AppError {
  return new AppError(403, 'csrf_failed', 'Missing or wrong X-CSRF-Token header: get one from GET /api/v1/auth/csrf.');
}

/** The CSRF token for this caller: the session's, or a fresh one bound to an anonymous cookie. */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, ctx: AppContext): string {
  if (request.actor?.csrfToken) return request.actor.csrfToken;
  const existing = request.cookies?.[CSRF_COOKIE];
  if (existing) return existing;
  const token = randomToken(24);
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.FOULE_PUBLIC_URL.startsWith('https://'),
  });
  return token;
}
