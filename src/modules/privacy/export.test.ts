import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { apiTokens, sessions, users } from '../../db/schema/accounts.js';
import { pledges } from '../../db/schema/funding.js';
import { busyWorld, type BusyWorld } from '../../../test/support/fixtures.js';

let t: TestApp;
let w: BusyWorld;
beforeAll(async () => {
  t = await createTestApp();
  w = await busyWorld(t, 'Exporting Ottilie');
  expect(
    (await t.request(w.person, 'POST', '/api/v1/projects', { title: 'My own oven', summary: 'A wood-fired oven', category: 'food' }))
      .statusCode,
  ).toBe(201);
});
afterAll(() => t.close());

describe('GET /me/export', () => {
  it('is a JSON attachment named foule-export-<date>.json with everything about the person', async () => {
    const res = await t.request(w.person, 'GET', '/api/v1/me/export');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="foule-export-${t.clock.now().toISOString().slice(0, 10)}.json"`);
    const x = res.json();
    expect(x).toMatchObject({
      format: 'foule-personal-data',
      version: 1,
      account: { id: w.person.id, email: w.person.email, name: 'Exporting Ottilie' },
    });
    expect(x.sessions.length).toBe(1);
    expect(Object.keys(x.sessions[0]).sort()).toEqual(['createdAt', 'expiresAt']);
    expect(x.apiTokens).toEqual([expect.objectContaining({ name: 'my script', lastUsedAt: null })]);
    expect(Object.keys(x.apiTokens[0]).sort()).toEqual(['createdAt', 'id', 'lastUsedAt', 'name']);
    expect(x.organizations).toEqual([expect.objectContaining({ id: w.orgId, role: 'admin' })]);
    expect(x.projects.map((p: { title: string }) => p.title)).toEqual(['My own oven']);
    expect(x.community.comments).toEqual([
      expect.objectContaining({ id: w.commentId, subject: `project:${w.projectId}`, body: 'I would buy a loaf every morning.' }),
    ]);
    expect(x.community.follows).toEqual([expect.objectContaining({ projectId: w.projectId })]);
    expect(x.community.launchSignups).toEqual([expect.objectContaining({ projectId: w.projectId, email: w.person.email })]);
    expect(x.notifications.map((n: { kind: string }) => n.kind)).toContain('comment_reply');
    expect(x.ideas.ideas).toEqual([expect.objectContaining({ id: w.ideaId, title: 'Sourdough on Sundays' })]);
    expect(x.ideas.ideaVotes).toEqual([expect.objectContaining({ value: 1, challengeId: w.challengeId })]);
    expect(x.ideas.pairwiseComparisons).toEqual([expect.objectContaining({ challengeId: w.challengeId, tie: false })]);
    expect(x.knowledge.questions).toEqual([expect.objectContaining({ id: w.questionId, title: 'When does the oven open?' })]);
    expect(x.knowledge.answers).toEqual([expect.objectContaining({ id: w.answerId, body: 'Stone-ground spelt.' })]);
    expect(x.knowledge.questionVotes).toEqual([expect.objectContaining({ value: 1 })]);
    expect(x.surveys.surveyResponses).toEqual([
      expect.objectContaining({
        surveyId: w.surveyId,
        answers: [expect.objectContaining({ question: 'Favourite bread?', value: 'Spelt' })],
      }),
    ]);
    expect(x.tasks).toEqual({ taskAnswers: [], taskBonuses: [], taskEarnings: [] });

    const byId = new Map(x.funding.pledges.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(w.pendingPledgeId)).toMatchObject({ status: 'pending', amount: 1500, currency: 'EUR', ledger: [] });
    const collected = byId.get(w.collectedPledgeId) as {
      status: string;
      ledger: { kind: string; entries: { account: string; amount: number }[] }[];
    };
    expect(collected.status).toBe('collected');
    expect(collected.ledger.map((l) => l.kind)).toEqual(['pledge_collected']);
    expect(collected.ledger[0]!.entries).toContainEqual({ account: `external:card:${w.person.id}`, amount: -2000 });
    expect(x.ledger.accounts).toEqual([{ account: `external:card:${w.person.id}`, currency: 'EUR', balance: -2000 }]);
    expect(x.emails.length).toBeGreaterThanOrEqual(0);
  });

  it('never holds a secret: password hash, session or API token (or their hashes), CSRF token, payment method token', async () => {
    const res = await t.request(w.person, 'GET', '/api/v1/me/export');
    const [u] = await t.ctx.db.select().from(users).where(eq(users.id, w.person.id));
    const [tok] = await t.ctx.db.select().from(apiTokens).where(eq(apiTokens.userId, w.person.id));
    const [ses] = await t.ctx.db.select().from(sessions).where(eq(sessions.userId, w.person.id));
    const [p] = await t.ctx.db.select().from(pledges).where(eq(pledges.id, w.pendingPledgeId));
    const cookieToken = /foule_session=([^;]+)/.exec(w.person.cookie)![1]!;
    for (const secret of [
      u!.passwordHash,
      tok!.tokenHash,
      tok!.tokenPrefix,
      w.token,
      ses!.tokenHash,
      cookieToken,
      w.person.csrf,
      p!.methodToken,
      w.person.password,
    ]) {
      expect(res.body).not.toContain(secret);
    }
    expect(res.body).not.toMatch(/passwordHash|tokenHash|csrf|methodToken/i);
  });

  it('is the caller’s own: another person’s archive says nothing of them; anonymous callers get 401', async () => {
    const other = await t.signup('Someone Else');
    const res = await t.request(other, 'GET', '/api/v1/me/export');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(w.person.id);
    expect(res.body).not.toContain('Exporting Ottilie');
    expect(res.json().account.email).toBe(other.email);
    expect((await t.request(null, 'GET', '/api/v1/me/export')).statusCode).toBe(401);
  });

  it('works with an API token too', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/v1/me/export', headers: { authorization: `Bearer ${w.token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().account.id).toBe(w.person.id);
  });
});
