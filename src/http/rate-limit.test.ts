import { afterAll, describe, expect, it } from 'vitest';
import { closeTestDatabase, createTestApp, type TestApp } from '../../test/support/test-app.js';

afterAll(async () => {
  await closeTestDatabase();
});

const login = { email: 'nobody@example.test', password: 'wrong password!' };

/** The answers to 11 failed logins from `remoteAddress`, the i-th with `X-Forwarded-For: forwardedFor(i)`. */
async function forwardedLoginCodes(t: TestApp, remoteAddress: string, forwardedFor: (i: number) => string): Promise<number[]> {
  const codes: number[] = [];
  for (let i = 0; i < 11; i++) {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress,
      headers: { 'x-forwarded-for': forwardedFor(i) },
      payload: login,
    });
    codes.push(res.statusCode);
  }
  return codes;
}

describe('rate limits', () => {
  it('count every attempt once when two server processes share one database', async () => {
    const a = await createTestApp({ FOULE_RATE_LIMIT: 'on' });
    const b = await createTestApp({ FOULE_RATE_LIMIT: 'on' });
    // One attacker's address, alternating between the two servers.
    const remoteAddress = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const codes: number[] = [];
    try {
      for (let i = 0; i < 12; i++) {
        const server = i % 2 === 0 ? a : b;
        const res = await server.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: login });
        codes.push(res.statusCode);
        if (res.statusCode === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    } finally {
      await a.close();
      await b.close();
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    // On PostgreSQL the counters live in the database: the login limit (10 a minute) holds across both servers.
    // The embedded database serves one process, whose counter is its own: each server allows 10.
    if (a.ctx.database.kind === 'postgres') expect(codes.slice(10)).toEqual([429, 429]);
    else expect(codes.slice(10)).toEqual([401, 401]);
  });

  it('start a new window once the old one has run out (PostgreSQL store)', async () => {
    const t = await createTestApp({ FOULE_RATE_LIMIT: 'on' });
    try {
      if (t.ctx.database.kind !== 'postgres') return;
      const key = `test-window-${Math.random()}`;
      const hit = `INSERT INTO rate_limit_hits (key, hits, reset_at) VALUES ($1, 1, now() + $2 * interval '1 millisecond')
        ON CONFLICT (key) DO UPDATE SET hits = rate_limit_hits.hits + 1 RETURNING hits`;
      await t.ctx.database.query(hit, [key, 60_000]);
      await t.ctx.database.query(`UPDATE rate_limit_hits SET hits = 99, reset_at = now() - interval '1 second' WHERE key = $1`, [key]);
      const { postgresRateLimitStore } = await import('./rate-limit-store.js');
      const Store = postgresRateLimitStore(t.ctx.database);
      const store = new Store();
      const result = await new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        store.incr(key, (err, res) => (err ? reject(err) : resolve(res!)), 60_000),
      );
      expect(result.current).toBe(1);
      expect(result.ttl).toBeGreaterThan(59_000);
    } finally {
      await t.close();
    }
  });
});

describe('client addresses', () => {
  it('ignore X-Forwarded-For from a caller that is not a trusted proxy, so the header cannot dodge a limit', async () => {
    const t = await createTestApp({ FOULE_RATE_LIMIT: 'on' });
    const remoteAddress = `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    try {
      const codes = await forwardedLoginCodes(t, remoteAddress, (i) => `203.0.113.${i}`);
      expect(codes.at(-1)).toBe(429);
    } finally {
      await t.close();
    }
  });

  it('believe X-Forwarded-For from a proxy on this machine (the default FOULE_TRUST_PROXY=loopback)', async () => {
    const t = await createTestApp({ FOULE_RATE_LIMIT: 'on' });
    try {
      const codes = await forwardedLoginCodes(t, '127.0.0.1', (i) => `192.0.2.${Math.floor(Math.random() * 250)}, 203.0.113.${i}`);
      expect(codes.every((c) => c === 401)).toBe(true);
    } finally {
      await t.close();
    }
  });
});
