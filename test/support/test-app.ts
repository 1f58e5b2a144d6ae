import fs from 'node:fs';
import { afterAll, inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import type { AppContext, Clock } from '../../src/context.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { buildApp } from '../../src/app.js';
import { randomToken } from '../../src/lib/ids.js';

/** A clock tests can move forward. */
export class TestClock implements Clock {
  offsetMs = 0;
  now() {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number) {
    this.offsetMs += ms;
  }
}

export const DAY = 24 * 3600_000;

let shared: Promise<Database> | null = null;

/** One database per test file: a clone of the migrated PGlite template, or a pool on the run's PostgreSQL database. */
export function testDatabase(): Promise<Database> {
  shared ??= (async () => {
    const pgUrl = inject('pgUrl');
    if (pgUrl) return openDatabase({ databaseUrl: pgUrl, poolSize: 10 });
    const template = inject('pgliteTemplate');
    if (!template) throw new Error('no test database prepared');
    return openDatabase({ loadDataDir: new Blob([fs.readFileSync(template)]) });
  })();
  return shared;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  clock: TestClock;
  /** Raw inject. */
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** A request as a signed-in person (cookie and CSRF header), or anonymous when `as` is null. */
  request(
    as: TestUser | null,
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Signs up a fresh person with a unique e-mail. */
  signup(name?: string, extra?: { locale?: 'en' | 'fr' }): Promise<TestUser>;
  /** Signs up a person and makes them an operator. */
  operator(name?: string): Promise<TestUser>;
  close(): Promise<void>;
}

/**
 * Builds the app on this file's database, with rate limits off unless asked and a movable clock.
 * @example const t = await createTestApp(); const alice = await t.signup('Alice');
 */
export async function createTestApp(overrides: Partial<Record<keyof Config, string>> = {}): Promise<TestApp> {
  const database = await testDatabase();
  const config = loadConfig({ FOULE_RATE_LIMIT: 'off', FOULE_SEED: 'none', FOULE_SCHEDULER: 'off', LOG_LEVEL: 'silent', ...overrides });
  const clock = new TestClock();
  const ctx: AppContext = { database, db: database.db, config, clock };
  const app = await buildApp(ctx);
  await app.ready();

  // With rate limits on, each test app calls from an address of its own: on PostgreSQL the counters are shared by
  // every test file of the run, and one file's logins must not spend another's allowance.
  const remoteAddress =
    overrides.FOULE_RATE_LIMIT === 'on'
      ? `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`
      : undefined;
  const request: TestApp['request'] = (as, method, url, body, headers = {}) =>
    app.inject({
      method: method as InjectOptions['method'],
      url,
      ...(remoteAddress ? { remoteAddress } : {}),
      headers: {
        ...(as ? { cookie: as.cookie, 'x-csrf-token': as.csrf } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });

  const signup: TestApp['signup'] = async (name = 'Test Person', extra = {}) => {
    const email = `${name.toLowerCase().replace(/[^a-z]/g, '')}.${randomToken(6)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')}@example.test`;
    const password = 'correct horse battery';
    const res = await request(null, 'POST', '/api/v1/auth/signup', { email, password, name, ...extra });
    if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const json = res.json();
    return { id: json.user.id, email, name, password, cookie, csrf: json.csrfToken };
  };

  const operator: TestApp['operator'] = async (name = 'Operator') => {
    const user = await signup(name);
    const { users } = await import('../../src/db/schema/accounts.js');
    const { eq } = await import('drizzle-orm');
    await ctx.db.update(users).set({ role: 'operator' }).where(eq(users.id, user.id));
    return user;
  };

  return {
    app,
    ctx,
    clock,
    inject: (opts) => app.inject(opts),
    request,
    signup,
    operator,
    close: async () => {
      await app.close();
    },
  };
}

/** Closes this file's database; call in afterAll of the last suite that used it. */
export async function closeTestDatabase() {
  if (shared) await (await shared).close();
  shared = null;
}

/**
 * Opens the app the tests of a file share; closes it, and the file's database, after them.
 * Awaited at the top of the file, so the tests read `t` as a constant.
 * @example const t = await openTestApp(); const host = await t.signup('Host');
 */
export async function openTestApp(overrides: Partial<Record<keyof Config, string>> = {}): Promise<TestApp> {
  const t = await createTestApp(overrides);
  afterAll(async () => {
    await t.close();
    await closeTestDatabase();
  });
  return t;
}
