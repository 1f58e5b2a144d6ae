import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { AppContext } from '../context.js';
import { postgresRateLimitStore } from './rate-limit-store.js';

/** Per-route limits, e.g. `config: { rateLimit: RATE_LIMITS.login }`. Off when FOULE_RATE_LIMIT=off. */
export const RATE_LIMITS = {
  login: { max: 10, timeWindow: '1 minute' },
  signup: { max: 5, timeWindow: '1 minute' },
  passwordReset: { max: 5, timeWindow: '15 minutes' },
  money: { max: 60, timeWindow: '1 minute' },
} as const;

export async function installRateLimit(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // Off (benchmarks, some tests): not registered at all, so the routes' limits cost nothing.
  if (ctx.config.FOULE_RATE_LIMIT === 'off') return;
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => request.actor?.userId ?? request.ip,
    enableDraftSpec: true,
    // On a PostgreSQL server every process shares the counters; the embedded database has one process, which
    // counts in memory.
    ...(ctx.database.kind === 'postgres' ? { store: postgresRateLimitStore(ctx.database) as never } : {}),
  });
}
