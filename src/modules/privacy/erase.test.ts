import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openTestApp, type TestUser } from '../../../test/support/test-app.js';
import { users } from '../../db/schema/accounts.js';
import { mailOutbox } from '../../db/schema/mail.js';
import { projectSignups } from '../../db/schema/audience.js';
import { pledges } from '../../db/schema/funding.js';
import { projects } from '../../db/schema/projects.js';
import { busyWorld, type BusyWorld, campaignFixture, trialBalanceIsZero } from '../../../test/support/fixtures.js';
import { scalar } from '../../../test/support/sql.js';

const t = await openTestApp();

const erase = (who: TestUser | null, body: unknown = { password: who?.password ?? 'x' }) => t.request(who, 'DELETE', '/api/v1/me', body);

describe('DELETE /me', () => {
  describe('after erasure', () => {
    const NAME = 'Philippa Quenneville-Erased';
    let w: BusyWorld;
    let followersBefore: number;
    let entriesBefore: number;

    beforeAll(async () => {
      w = await busyWorld(t, NAME);
      followersBefore = (await t.request(null, 'GET', `/api/v1/projects/${w.projectId}`)).json().followers;
      entriesBefore = await scalar(t, sql`SELECT count(*)::int FROM ledger_entries WHERE account = ${`external:card:${w.person.id}`}`);
      const res = await erase(w.person);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ pledgesCancelled: 1 });
    });

    it('no endpoint shows the person’s name or e-mail any more', async () => {
      const { host } = w;
      const reads: [TestUser | null, string][] = [
        [null, `/api/v1/users/${w.person.id}`],
        [null, `/api/v1/comments?subject=project:${w.projectId}`],
        [null, `/api/v1/comments/${w.commentId}`],
        [null, `/api/v1/projects/${w.projectId}/activity`],
        [null, `/api/v1/projects/${w.projectId}`],
        [null, `/api/v1/challenges/${w.challengeId}/ideas`],
        [null, `/api/v1/ideas/${w.ideaId}`],
        [null, `/api/v1/projects/${w.projectId}/questions`],
        [null, `/api/v1/questions/${w.questionId}`],
        [null, `/api/v1/questions?projectId=${w.projectId}`],
        [null, `/api/v1/orgs/${w.orgId}`],
        [null, `/api/v1/campaigns/${w.collectedCampaignId}/ledger`],
        [host, `/api/v1/campaigns/${w.collectedCampaignId}/pledges`],
        [host, `/api/v1/campaigns/${w.pendingCampaignId}/pledges`],
        [host, `/api/v1/campaigns/${w.collectedCampaignId}/backers.csv`],
        [host, `/api/v1/projects/${w.projectId}/signups`],
        [host, `/api/v1/surveys/${w.surveyId}/results`],
        [host, `/api/v1/surveys/${w.surveyId}/results.csv`],
        [host, '/api/v1/notifications'],
        [host, `/api/v1/orgs/${w.orgId}/audit`],
      ];
      for (const [as, url] of reads) {
        const res = await t.request(as, 'GET', url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
        expect(res.body, url).not.toContain(NAME);
        expect(res.body.toLowerCase(), url).not.toContain(w.person.email.toLowerCase());
      }
      // What they wrote is still there, under "Deleted account".
      const thread = (await t.request(null, 'GET', `/api/v1/comments?subject=project:${w.projectId}`)).body;
      expect(thread).toContain('I would buy a loaf every morning.');
      expect(thread).toContain('Deleted account');
      expect((await t.request(null, 'GET', `/api/v1/users/${w.person.id}`)).json()).toMatchObject({ name: 'Deleted account', bio: '' });
      expect((await t.request(null, 'GET', `/api/v1/ideas/${w.ideaId}`)).body).toContain('Sourdough on Sundays');
      expect((await t.request(host, 'GET', `/api/v1/campaigns/${w.collectedCampaignId}/pledges`)).body).toContain('Deleted account');
    });

    it('the old credentials, session and API token no longer work', async () => {
      const login = await t.request(null, 'POST', '/api/v1/auth/login', { email: w.person.email, password: w.person.password });
      expect(login.statusCode).toBe(401);
      expect((await t.request(w.person, 'GET', '/api/v1/me')).statusCode).toBe(401);
      expect((await t.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${w.token}` } })).statusCode).toBe(401);
      const [row] = await t.ctx.db.select().from(users).where(eq(users.id, w.person.id));
      expect(row).toMatchObject({
        name: 'Deleted account',
        email: `erased+${w.person.id}@deleted.invalid`,
        bio: '',
        passwordHash: '!erased',
      });
      expect(row!.deletedAt).toBeInstanceOf(Date);
      // The address is free again: the person may come back with a new account.
      expect(
        (await t.request(null, 'POST', '/api/v1/auth/signup', { email: w.person.email, password: 'a fresh password', name: 'Back again' }))
          .statusCode,
      ).toBe(201);
    });

    it('cancels the pending pledge through the cancel flow, keeps the collected one and the ledger as they were', async () => {
      const [pending] = await t.ctx.db.select().from(pledges).where(eq(pledges.id, w.pendingPledgeId));
      const [collected] = await t.ctx.db.select().from(pledges).where(eq(pledges.id, w.collectedPledgeId));
      expect(pending!.status).toBe('cancelled');
      expect(collected!.status).toBe('collected');
      expect(await scalar(t, sql`SELECT count(*)::int FROM ledger_entries WHERE account = ${`external:card:${w.person.id}`}`)).toBe(
        entriesBefore,
      );
      expect(entriesBefore).toBeGreaterThan(0);
      expect(await trialBalanceIsZero(t)).toBe(true);
      const stats = (await t.request(w.host, 'GET', `/api/v1/campaigns/${w.pendingCampaignId}`)).json();
      expect(JSON.stringify(stats)).not.toContain(NAME);
    });

    it('ends follows (the count follows), memberships, launch sign-ups and notifications; keeps no mail to the address', async () => {
      expect((await t.request(null, 'GET', `/api/v1/projects/${w.projectId}`)).json().followers).toBe(followersBefore - 1);
      const [p] = await t.ctx.db.select({ n: projects.followersCount }).from(projects).where(eq(projects.id, w.projectId));
      expect(p!.n).toBe(await scalar(t, sql`SELECT count(*)::int FROM project_follows WHERE project_id = ${w.projectId}`));
      expect(await scalar(t, sql`SELECT count(*)::int FROM org_members WHERE user_id = ${w.person.id}`)).toBe(0);
      expect(await scalar(t, sql`SELECT count(*)::int FROM notifications WHERE user_id = ${w.person.id}`)).toBe(0);
      expect(await t.ctx.db.select().from(projectSignups).where(eq(projectSignups.userId, w.person.id))).toEqual([]);
      expect(await t.ctx.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, w.person.email))).toEqual([]);
      // The erasure itself is in the audit log, by account id.
      expect(
        await scalar(
          t,
          sql`SELECT count(*)::int FROM audit_log WHERE action = 'account.erase' AND target_id = ${w.person.id} AND actor_id = ${w.person.id}`,
        ),
      ).toBe(1);
    });
  });

  it('asks everyone for the password: 403 naming body.password when wrong, 400 when missing, 401 anonymous', async () => {
    const u = await t.signup('Careful Carla');
    const wrong = await erase(u, { password: 'not it at all' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toMatchObject({ code: 'wrong_password', details: { field: 'body.password' } });
    const missing = await erase(u, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('body.password');
    expect((await erase(null, { password: 'whatever it is' })).statusCode).toBe(401);
    const { token } = (await t.request(u, 'POST', '/api/v1/tokens', { name: 'bot' })).json();
    const byToken = (password: string) =>
      t.inject({
        method: 'DELETE',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ password }),
      });
    expect((await byToken('a wrong password')).statusCode).toBe(403);
    expect((await t.request(u, 'GET', '/api/v1/me')).json().name).toBe('Careful Carla');
    expect((await byToken(u.password)).statusCode).toBe(200);
    expect((await t.request(u, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('is refused with 409 last_org_owner while the person is the last owner of an organization', async () => {
    const u = await t.signup('Owner Odile');
    const org = (await t.request(u, 'POST', '/api/v1/orgs', { name: 'Odile’s workshop' })).json();
    const res = await erase(u);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'last_org_owner',
      details: { orgs: [{ id: org.id, slug: org.slug, name: 'Odile’s workshop' }] },
    });
    expect(res.json().error.message).toContain('Odile’s workshop');
    expect((await t.request(u, 'GET', '/api/v1/me')).statusCode).toBe(200);
    // With a second owner, the organization does not need them.
    const partner = await t.signup('Partner Paul');
    expect((await t.request(u, 'POST', `/api/v1/orgs/${org.id}/members`, { userId: partner.id, role: 'owner' })).statusCode).toBe(201);
    expect((await erase(u)).statusCode).toBe(200);
    expect((await t.request(null, 'GET', `/api/v1/orgs/${org.id}`)).body).not.toContain('Owner Odile');
  });

  it('is refused with 409 hosts_live_campaign while the person hosts a live campaign', async () => {
    const f = await campaignFixture(t, { model: 'all_or_nothing' });
    const res = await erase(f.host);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'hosts_live_campaign', details: { campaigns: [{ id: f.campaignId }] } });
    expect((await t.request(f.host, 'GET', '/api/v1/me')).statusCode).toBe(200);
  });
});
