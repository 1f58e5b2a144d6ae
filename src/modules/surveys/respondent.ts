// Who is answering: the signed-in person, or an anonymous browser known by a random cookie.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.js';
import { CSRF_COOKIE, csrfError } from '../../http/auth.js';
import { unauthenticated } from '../../lib/errors.js';
import { randomToken, sha256 } from '../../lib/ids.js';

/** The anonymous respondent cookie: a random token; the database keeps only its SHA-256. */
export const RESPONDENT_COOKIE = 'foule_respondent';
const ONE_YEAR_S = 365 * 24 * 3600;

export type Respondent = { userId: string; respondentHash: null } | { userId: null; respondentHash: string };

/** The caller as a respondent if known (signed in, or an anonymous browser that answered before); else null. */
export function knownRespondent(request: FastifyRequest): Respondent | null {
  if (request.actor) return { userId: request.actor.userId, respondentHash: null };
  const token = request.cookies?.[RESPONDENT_COOKIE];
  return token ? { userId: null, respondentHash: sha256(token) } : null;
}

/**
 * The caller as a respondent for an answer. A signed-in person answers as themselves. An anonymous browser may answer
 * only surveys that allow it, must carry the CSRF token (GET /auth/csrf) and gets an HttpOnly, SameSite respondent
 * cookie on its first answer, so that a second answer from the same browser edits the first.
 */
export function answeringRespondent(request: FastifyRequest, reply: FastifyReply, ctx: AppContext, allowAnonymous: boolean): Respondent {
  if (request.actor) return { userId: request.actor.userId, respondentHash: null };
  // Why: answering without an account is the host's choice, survey by survey.
  if (!allowAnonymous) throw unauthenticated('Sign in to answer this survey.');
  // Why: an anonymous write must prove it comes from a page of ours (auth.ts checks the value when the cookie exists).
  const csrf = request.cookies?.[CSRF_COOKIE];
  if (!csrf || request.headers['x-csrf-token'] !== csrf) {
    throw csrfError();
  }
  let token = request.cookies?.[RESPONDENT_COOKIE];
  if (!token) {
    token = randomToken();
    reply.setCookie(RESPONDENT_COOKIE, token, {
      path: '/api/v1/surveys',
      httpOnly: true,
      sameSite: 'lax',
      secure: ctx.config.FOULE_PUBLIC_URL.startsWith('https://'),
      maxAge: ONE_YEAR_S,
    });
  }
  return { userId: null, respondentHash: sha256(token) };
}
