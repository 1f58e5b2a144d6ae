import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestApp, DAY } from '../../../test/support/test-app.js';
import { followerIds, isFollower, pendingSignups } from './audience.js';
import { expectInvalidField, fieldsOf, makeProject } from '../../../test/support/fixtures.js';

const t = await openTestApp();

async function followRows(projectId: string): Promise<number> {
  const res = await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM project_follows WHERE project_id = ${projectId}`);
  return Number((res as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

describe('Follows', () => {
  describe('followProject', () => {
    it('follows and unfollows idempotently, keeping the count exact', async () => {
      const owner = await t.signup('Owner');
      const [a, b] = [await t.signup('A'), await t.signup('B')];
      const p = await makeProject(t, owner);
      expect((await t.request(a, 'POST', `/api/v1/projects/${p.id}/follow`)).json()).toEqual({
        projectId: p.id,
        following: true,
        followers: 1,
      });
      expect((await t.request(a, 'POST', `/api/v1/projects/${p.slug}/follow`)).json()).toEqual({
        projectId: p.id,
        following: true,
        followers: 1,
      });
      expect((await t.request(b, 'POST', `/api/v1/projects/${p.id}/follow`)).json().followers).toBe(2);
      expect((await t.request(a, 'DELETE', `/api/v1/projects/${p.id}/follow`)).json()).toEqual({
        projectId: p.id,
        following: false,
        followers: 1,
      });
      expect((await t.request(a, 'DELETE', `/api/v1/projects/${p.id}/follow`)).json().followers).toBe(1);
      expect((await t.request(b, 'GET', `/api/v1/projects/${p.id}`)).json()).toMatchObject({ followers: 1, viewer: { following: true } });
      expect(await followerIds(t.ctx.db, p.id)).toEqual([b.id]);
      expect(await isFollower(t.ctx.db, p.id, a.id)).toBe(false);
    });

    it('keeps the count equal to the follow rows under concurrent follows and unfollows', async () => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const crowd = await Promise.all(Array.from({ length: 6 }, (_, i) => t.signup(`Crowd${i}`)));
      const calls = crowd.flatMap((u, i) => [
        t.request(u, 'POST', `/api/v1/projects/${p.id}/follow`),
        t.request(u, 'POST', `/api/v1/projects/${p.id}/follow`),
        ...(i % 2 ? [t.request(u, 'DELETE', `/api/v1/projects/${p.id}/follow`)] : []),
      ]);
      const answers = await Promise.all(calls);
      expect(answers.every((r) => r.statusCode === 200)).toBe(true);
      const count = (await t.request(null, 'GET', `/api/v1/projects/${p.id}`)).json().followers;
      expect(count).toBe(await followRows(p.id));
      expect(count).toBeGreaterThanOrEqual(3);
    });

    it('answers 401 anonymously and 404 for an unknown project', async () => {
      const u = await t.signup('U');
      const p = await makeProject(t, u);
      expect((await t.request(null, 'POST', `/api/v1/projects/${p.id}/follow`)).statusCode).toBe(401);
      expect((await t.request(null, 'DELETE', `/api/v1/projects/${p.id}/follow`)).statusCode).toBe(401);
      expect((await t.request(u, 'POST', '/api/v1/projects/prj_nope/follow')).statusCode).toBe(404);
      expect((await t.request(u, 'DELETE', '/api/v1/projects/prj_nope/follow')).json().error.code).toBe('project_not_found');
      expect((await t.request(u, 'POST', `/api/v1/projects/${'x'.repeat(100)}/follow`)).statusCode).toBe(404);
    });
  });
});

describe('Launch sign-ups', () => {
  describe('signUpForLaunch', () => {
    it('records a signed-in person with their account e-mail, once', async () => {
      const owner = await t.signup('Owner');
      const fan = await t.signup('Fan', { locale: 'fr' });
      const p = await makeProject(t, owner);
      const first = await t.request(fan, 'POST', `/api/v1/projects/${p.id}/signups`, { email: 'someone.else@example.test' });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({ projectId: p.id, email: fan.email, alreadySignedUp: false });
      const again = await t.request(fan, 'POST', `/api/v1/projects/${p.id}/signups`);
      expect(again.statusCode).toBe(200);
      expect(again.json().alreadySignedUp).toBe(true);
      const pending = await pendingSignups(t.ctx.db, p.id);
      expect(pending).toHaveLength(1);
      expect(pending[0]).toMatchObject({ email: fan.email, userId: fan.id, locale: 'fr' });
      expect((await t.request(fan, 'GET', `/api/v1/projects/${p.id}`)).json().viewer.signedUp).toBe(true);
    });

    it('records an anonymous e-mail once whatever its case, and recognizes it when that person signs in', async () => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const later = await t.signup('Later');
      const first = await t.request(null, 'POST', `/api/v1/projects/${p.id}/signups`, { email: later.email, locale: 'fr' });
      expect(first.statusCode).toBe(201);
      const repeat = await t.request(null, 'POST', `/api/v1/projects/${p.id}/signups`, { email: later.email.toUpperCase() });
      expect(repeat.statusCode).toBe(200);
      expect((await t.request(later, 'POST', `/api/v1/projects/${p.id}/signups`)).statusCode).toBe(200);
      expect(await pendingSignups(t.ctx.db, p.id)).toHaveLength(1);
      expect((await t.request(later, 'GET', `/api/v1/projects/${p.id}`)).json().viewer.signedUp).toBe(true);
    });

    it.each([
      [undefined, 'body.email'],
      [{}, 'body.email'],
      [{ email: 'not-an-address' }, 'body.email'],
      [{ email: 42 }, 'body.email'],
      [{ email: `${'a'.repeat(250)}@x.test` }, 'body.email'],
      [{ email: 'ok@example.test', locale: 'de' }, 'body.locale'],
    ])('answers 400 naming the field for an anonymous %j', async (body, field) => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const res = await t.request(null, 'POST', `/api/v1/projects/${p.id}/signups`, body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(fieldsOf(res)).toContain(field);
    });

    it('answers 404 for an unknown project', async () => {
      const res = await t.request(null, 'POST', '/api/v1/projects/prj_nope/signups', { email: 'a@example.test' });
      expect(res.statusCode).toBe(404);
    });
  });

  describe('signupStats', () => {
    it('gives hosts the total and the daily counts, days without sign-ups included', async () => {
      const owner = await t.signup('Owner');
      const p = await makeProject(t, owner);
      const start = t.clock.now().toISOString().slice(0, 10);
      await t.request(null, 'POST', `/api/v1/projects/${p.id}/signups`, { email: 'd1a@example.test' });
      await t.request(null, 'POST', `/api/v1/projects/${p.id}/signups`, { email: 'd1b@example.test' });
      t.clock.advance(2 * DAY);
      await t.request(null, 'POST', `/api/v1/projects/${p.id}/signups`, { email: 'd3@example.test' });
      const res = await t.request(owner, 'GET', `/api/v1/projects/${p.id}/signups?days=3`);
      expect(res.statusCode).toBe(200);
      const stats = res.json();
      expect(stats).toMatchObject({ projectId: p.id, count: 3, notified: 0, withAccount: 0, days: 3 });
      expect(stats.daily).toHaveLength(3);
      expect(stats.daily[0]).toEqual({ date: start, count: 2 });
      expect(stats.daily.map((d: { count: number }) => d.count)).toEqual([2, 0, 1]);
      t.clock.advance(-2 * DAY);
    });

    it('is for hosts only, and validates days', async () => {
      const owner = await t.signup('Owner');
      const other = await t.signup('Other');
      const p = await makeProject(t, owner);
      expect((await t.request(other, 'GET', `/api/v1/projects/${p.id}/signups`)).statusCode).toBe(403);
      expect((await t.request(null, 'GET', `/api/v1/projects/${p.id}/signups`)).statusCode).toBe(401);
      expect((await t.request(owner, 'GET', '/api/v1/projects/prj_nope/signups')).statusCode).toBe(404);
      for (const days of ['0', '367', 'abc']) {
        const res = await t.request(owner, 'GET', `/api/v1/projects/${p.id}/signups?days=${days}`);
        expectInvalidField(res, 'querystring.days');
      }
    });
  });
});
