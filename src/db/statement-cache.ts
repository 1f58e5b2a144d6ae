import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * Automatic prepared statements for the PostgreSQL pool, as postgres.js and asyncpg do by default.
 *
 * Why: an unnamed statement is parsed and planned on every call, and for the short indexed statements on the
 * hot paths (a session lookup, a lease) planning costs several times the execution: measured here, the session
 * lookup runs at about 8,500/s unnamed and 34,000/s prepared. So a statement text seen more than once gets a
 * name derived from its text, and node-postgres parses it once per connection and reuses the plan.
 *
 * Bounded: only statements with parameters (one-statement extended queries; multi-statement strings are never
 * touched), at most `perConnection` names on a connection (texts built with a variable number of placeholders
 * would otherwise grow without end), and a bounded table of texts seen.
 *
 * Not for statements with an array parameter: those are the bulk ones (`unnest($1::text[], …)` over a thousand
 * rows), which run rarely, and whose generic plan, made without knowing the arrays, was measured here 20 times
 * slower than a plan for the arrays at hand (settlement's pledge update: 516 ms against about 25 ms a batch).
 * A caller that wants such a statement prepared anyway names it itself.
 */
export interface StatementCacheOptions {
  /** Uses of a text before it is prepared (one-off statements such as migrations stay unnamed). */
  after?: number;
  /** Prepared statements kept on one connection at most. */
  perConnection?: number;
  /** Statement texts remembered at most (the table starts over when full). */
  texts?: number;
}

interface Seen {
  name: string;
  uses: number;
}

type QueryConfigLike = { text?: unknown; name?: unknown; values?: unknown[] };

export function installStatementCache(pool: pg.Pool, opts: StatementCacheOptions = {}): void {
  const after = opts.after ?? 2;
  const perConnection = opts.perConnection ?? 300;
  const maxTexts = opts.texts ?? 5_000;
  const seen = new Map<string, Seen>();

  const nameFor = (text: string): string | null => {
    let entry = seen.get(text);
    if (!entry) {
      if (seen.size >= maxTexts) seen.clear();
      entry = { name: `fs_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, uses: 0 };
      seen.set(text, entry);
    }
    entry.uses++;
    return entry.uses >= after ? entry.name : null;
  };

  pool.on('connect', (client) => {
    const prepared = new Set<string>();
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (config: unknown, values?: unknown, callback?: unknown) => {
      // A text with its values, as a string or a config object (not a Query or cursor object, nor one named already).
      const c: QueryConfigLike | null =
        typeof config === 'string'
          ? { text: config }
          : config && typeof config === 'object' && !('submit' in config)
            ? (config as QueryConfigLike)
            : null;
      const params = Array.isArray(values) ? values : c?.values;
      if (c && typeof c.text === 'string' && !c.name && params && params.length > 0 && !params.some(Array.isArray)) {
        const name = nameFor(c.text);
        if (name && (prepared.has(name) || prepared.size < perConnection)) {
          prepared.add(name);
          return query({ ...c, name }, values, callback);
        }
      }
      return query(config, values, callback);
    };
  });
}
