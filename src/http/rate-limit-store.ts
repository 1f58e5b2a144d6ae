import type { Database } from '../db/client.js';
import type { Job } from '../jobs/types.js';

type Incremented = (err: Error | null, result: { current: number; ttl: number } | null) => void;

// One statement a hit: a window that has run out starts again at 1, otherwise the count goes up; the row's lock
// makes concurrent hits from every process count once each.
const HIT = `INSERT INTO rate_limit_hits (key, hits, reset_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN rate_limit_hits.reset_at <= now() THEN 1 ELSE rate_limit_hits.hits + 1 END,
    reset_at = CASE WHEN rate_limit_hits.reset_at <= now() THEN EXCLUDED.reset_at ELSE rate_limit_hits.reset_at END
  RETURNING hits, greatest(0, ceil(extract(epoch FROM reset_at - now()) * 1000))::int AS ttl`;

/**
 * A store for @fastify/rate-limit that keeps its counters in PostgreSQL, so that N server processes behind a load
 * balancer allow an attacker the route's limit once, not N times.
 * @example await app.register(rateLimit, { store: postgresRateLimitStore(database) })
 */
export function postgresRateLimitStore(database: Database) {
  class PostgresRateLimitStore {
    private readonly prefix: string;
    // The plugin builds the root store with its options object, and each route's through child() with a prefix.
    constructor(prefix?: unknown) {
      this.prefix = typeof prefix === 'string' ? prefix : '';
    }

    incr(key: string, done: Incremented, timeWindow: number): void {
      database.query<{ hits: number; ttl: number }>(HIT, [this.prefix + key, timeWindow], 'rate_limit_hit').then(
        (rows) => done(null, { current: Number(rows[0]!.hits), ttl: Number(rows[0]!.ttl) }),
        (err: Error) => done(err, null),
      );
    }

    child(routeOptions: { routeInfo: { method: string; url: string } }) {
      return new PostgresRateLimitStore(`${routeOptions.routeInfo.method} ${routeOptions.routeInfo.url} `);
    }
  }
  return PostgresRateLimitStore;
}

/** Drops counters whose window ended a while ago. */
export const rateLimitJobs: Job[] = [
  {
    name: 'rate-limit-counters-cleanup',
    intervalMs: 10 * 60_000,
    run: (ctx) => ctx.database.query(`DELETE FROM rate_limit_hits WHERE reset_at < now() - interval '1 hour'`, []),
  },
];
