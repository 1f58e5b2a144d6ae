import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, lt } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { idempotencyKeys } from '../db/schema/idempotency.js';
import { sha256 } from '../lib/ids.js';
import { type DomainError, conflict, invalid } from '../lib/errors.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Money-moving POSTs honour `Idempotency-Key` (a repeat returns the first answer, errors included).
     * `true`: this layer claims the key before the handler and keeps the answer. `'in-write'`: the use case keeps the
     * key on the record it writes, in the same statement (the pledge's hot path); the route reads the key with
     * `idempotencyKeyOf`, the use case refuses a reuse with `keyReusedError`, and the route answers with `sendAnswer`.
     */
    idempotent?: true | 'in-write';
  }
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Keys are kept at least this long. */
export const IDEMPOTENCY_TTL_MS = 48 * 3600_000;

/** An answer kept for a key: sent as is, and the same again (marked replayed) for a repeat with the same key. */
export interface IdempotentAnswer {
  statusCode: number;
  body: string;
  replayed: boolean;
}

/** The fingerprint of a request, to tell a repeat from another request under the same key. */
export function requestFingerprint(line: string, body: unknown): string {
  return sha256(`${line}\n${JSON.stringify(body ?? null)}`);
}

/** The same key sent with another request: refused, whichever way the key is kept. */
export function keyReusedError(): DomainError {
  return conflict('idempotency_key_reused', 'This Idempotency-Key was already used with a different request.');
}

function inProgressError(): AppError {
  return new AppError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is being processed; retry shortly.');
}

/** The `Idempotency-Key` header, checked (1 to 255 characters), or undefined when none was sent. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || key.length > 255)
    throw invalid('invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 characters.', { field: 'header.Idempotency-Key' });
  return key;
}

/**
 * Sends a kept answer: its status and JSON body, marked `idempotent-replayed` when it repeats the first one.
 * @example return sendAnswer(reply, await createPledge(ctx, actor, id, body, idempotencyKeyOf(request)))
 */
export function sendAnswer(reply: FastifyReply, answer: IdempotentAnswer): FastifyReply {
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(answer.statusCode).type('application/json').send(answer.body);
}

/**
 * Stripe-style idempotency for routes marked `config: { idempotent: true }`:
 * the first request with a key claims it; a repeat with the same body gets the stored answer;
 * the same key with another body is a 409; a key whose first request is still running is a 409 too.
 * Server errors (5xx) release the key so the client can retry.
 * Routes marked `'in-write'` get no hook: their use case keeps the key (see FastifyContextConfig). Why two keepers of
 * one mechanism: a claim costs two statements of its own per request, outside the pledge writer's group commit, on
 * the route that takes thousands of pledges a second; the pledge's one statement records its key at no extra cost.
 * Both answer alike: the same key parser, fingerprint, 409 on reuse and `idempotent-replayed` replay.
 */
export function installIdempotency(app: FastifyInstance, ctx: AppContext): void {
  const claimKey = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = idempotencyKeyOf(request);
    if (key === undefined) return;
    const scope = request.actor?.userId ?? 'anonymous';
    const route = `${request.method} ${request.routeOptions.url}`;
    const requestHash = requestFingerprint(`${request.method} ${request.url}`, request.body);
    const inserted = await ctx.db
      .insert(idempotencyKeys)
      .values({ scope, key, route, requestHash, createdAt: ctx.clock.now() })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length) {
      request.idempotency = { scope, key };
      return;
    }
    const [first] = await ctx.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!first) throw inProgressError();
    if (first.requestHash !== requestHash) throw keyReusedError();
    if (first.statusCode === null) throw inProgressError();
    return sendAnswer(reply, { statusCode: first.statusCode, body: first.responseBody ?? '', replayed: true });
  };

  const storeAnswer = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    const where = and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode >= 500) {
      await ctx.db.delete(idempotencyKeys).where(where);
    } else {
      const body =
        typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : JSON.stringify(payload ?? null);
      await ctx.db.update(idempotencyKeys).set({ statusCode: reply.statusCode, responseBody: body }).where(where);
    }
    request.idempotency = undefined;
    return payload;
  };

  // Only the routes marked idempotent carry these hooks: every other request skips them entirely.
  app.addHook('onRoute', (route) => {
    if (route.config?.idempotent !== true) return;
    route.preHandler = [...asList(route.preHandler), claimKey];
    route.onSend = [...asList(route.onSend), storeAnswer];
  });
}

/** A route's hooks of one kind as a list (Fastify takes one, a list or none). */
export function asList<T>(hooks: T | T[] | undefined): T[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks];
}

/** Deletes keys older than the retention period; run by the scheduler. */
export async function purgeIdempotencyKeys(ctx: AppContext): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - IDEMPOTENCY_TTL_MS);
  const deleted = await ctx.db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ k: idempotencyKeys.key });
  return deleted.length;
}
