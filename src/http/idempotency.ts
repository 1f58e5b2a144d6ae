import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, lt } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { idempotencyKeys } from '../db/schema/idempotency.js';
import { sha256 } from '../lib/ids.js';
import { conflict, invalid } from '../lib/errors.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Money-moving POSTs: honour `Idempotency-Key` (a repeat returns the first answer, errors included). */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** Keys are kept at least this long. */
export const IDEMPOTENCY_TTL_MS = 48 * 3600_000;

/**
 * Stripe-style idempotency for routes marked `config: { idempotent: true }`:
 * the first request with a key claims it; a repeat with the same body gets the stored answer;
 * the same key with another body is a 409; a key whose first request is still running is a 409 too.
 * Server errors (5xx) release the key so the client can retry.
 */
export function installIdempotency(app: FastifyInstance, ctx: AppContext): void {
  const claimKey = async (request: FastifyRequest, reply: FastifyReply) => {
    const raw = request.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || key.length > 255) {
      throw invalid('invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 characters.', { field: 'header.Idempotency-Key' });
    }
    const scope = request.actor?.userId ?? 'anonymous';
    const route = `${request.method} ${request.routeOptions.url}`;
    const requestHash = sha256(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`);
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
    if (!first)
      throw new AppError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is being processed; retry shortly.');
    if (first.requestHash !== requestHash) {
      throw conflict('idempotency_key_reused', 'This Idempotency-Key was already used with a different request.');
    }
    if (first.statusCode === null) {
      throw new AppError(409, 'idempotency_in_progress', 'A request with this Idempotency-Key is being processed; retry shortly.');
    }
    reply.header('idempotent-replayed', 'true');
    reply
      .status(first.statusCode)
      .type('application/json')
      .send(first.responseBody ?? '');
    return reply;
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
    if (!route.config?.idempotent) return;
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
