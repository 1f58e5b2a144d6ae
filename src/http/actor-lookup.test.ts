import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DAY, type TestApp } from '../../test/support/test-app.js';
import { sha256 } from '../lib/ids.js';
import { ActorLookup, TOKEN_TOUCH_MS } from './actor-lookup.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const cookieToken = (cookie: string) => /foule_session=([^;]+)/.exec(cookie)![1]!;

describe(ActorLookup.name, () => {
  describe('session', () => {
    it('answers concurrent lookups together, each with its own session, and null for unknown or expired ones', async () => {
      const people = await Promise.all(['Ann', 'Ben', 'Cat'].map((n) => t.signup(n)));
      const lookup = new ActorLookup(t.ctx);
      const hashes = people.map((p) => sha256(cookieToken(p.cookie)));
      const found = await Promise.all([...hashes, sha256('no such token'), hashes[0]!].map((h) => lookup.session(h)));
      expect(found.slice(0, 3).map((s) => s?.userId)).toEqual(people.map((p) => p.id));
      expect(found.slice(0, 3).map((s) => s?.csrfToken)).toEqual(people.map((p) => p.csrf));
      expect(found[3]).toBeNull();
      expect(found[4]?.userId).toBe(people[0]!.id);

      // Sessions last 30 days: a month and a bit later, none is found any more.
      const later = new ActorLookup({ ...t.ctx, clock: { now: () => new Date(Date.now() + 31 * DAY) } });
      expect(await later.session(hashes[0]!)).toBeNull();
    });

    it('finds a signed-out session no more', async () => {
      const u = await t.signup('Leaving');
      const lookup = new ActorLookup(t.ctx);
      const hash = sha256(cookieToken(u.cookie));
      expect((await lookup.session(hash))?.userId).toBe(u.id);
      expect((await t.request(u, 'POST', '/api/v1/auth/logout', {})).statusCode).toBeLessThan(300);
      expect(await lookup.session(hash)).toBeNull();
    });
  });

  describe('token', () => {
    it('records a token’s last use at most once a minute', async () => {
      const u = await t.signup('Robot');
      const { token } = (await t.request(u, 'POST', '/api/v1/tokens', { name: 'bot' })).json();
      const lastUsed = async () => {
        const items = (await t.request(u, 'GET', '/api/v1/tokens')).json().items as { lastUsedAt: string | null }[];
        return items[0]!.lastUsedAt;
      };
      expect(await lastUsed()).toBeNull();
      const call = () => t.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect((await call()).statusCode).toBe(200);
      await expect.poll(lastUsed).not.toBeNull();
      const first = await lastUsed();
      // Within the minute: not written again.
      t.clock.advance(TOKEN_TOUCH_MS / 2);
      expect((await call()).statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
      expect(await lastUsed()).toBe(first);
      // Past it: written again.
      t.clock.advance(TOKEN_TOUCH_MS);
      expect((await call()).statusCode).toBe(200);
      await expect.poll(lastUsed).not.toBe(first);
    });
  });
});
