import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestApp, DAY } from '../../../test/support/test-app.js';
import { campaignFixture, pledge } from '../../../test/support/fixtures.js';
import { scalar } from '../../../test/support/sql.js';

const t = await openTestApp();

const future = (days = 30) => new Date(Date.now() + days * DAY).toISOString();

/** A keep-it-all campaign asked for on a new project, with `patch` over a valid request. */
async function createWith(patch: object) {
  const f = await campaignFixture(t, { draft: true });
  return t.request(f.host, 'POST', `/api/v1/projects/${f.projectId}/campaigns`, {
    goal: { amount: 10_000, currency: 'EUR' },
    model: 'keep_it_all',
    deadline: future(),
    tiers: [],
    stretchGoals: [],
    ...patch,
  });
}

describe('campaigns', () => {
  describe('create', () => {
    it('creates a draft with its tiers (ids returned), stretch goals and shipping', async () => {
      const host = await t.signup('Host');
      const project = (await t.request(host, 'POST', '/api/v1/projects', { title: 'Lamp', summary: 's', category: 'design' })).json();
      const res = await t.request(host, 'POST', `/api/v1/projects/${project.id}/campaigns`, {
        title: 'The lamp',
        goal: { amount: 500_000, currency: 'CHF' },
        model: 'all_or_nothing',
        deadline: future(),
        tiers: [
          {
            title: 'Early bird',
            price: 4500,
            limit: 100,
            estimatedDelivery: '2026-11',
            shipping: {
              groups: [
                { name: 'Europe', countries: ['fr', 'CH'], cost: 800 },
                { countries: ['*'], cost: 2000 },
              ],
            },
          },
          { title: 'Lamp', description: 'One lamp', price: { amount: 6000, currency: 'CHF' } },
        ],
        stretchGoals: [{ amount: 800_000, description: 'A second colour' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      const c = res.json();
      expect(c).toMatchObject({
        status: 'draft',
        model: 'all_or_nothing',
        goal: { amount: 500_000, currency: 'CHF' },
        raised: { amount: 0, currency: 'CHF' },
        backers: 0,
        title: 'The lamp',
      });
      expect(c.id).toMatch(/^cmp_/);
      expect(c.tiers).toHaveLength(2);
      expect(c.tiers[0]).toMatchObject({ title: 'Early bird', price: 4500, limit: 100, remaining: 100, estimatedDelivery: '2026-11' });
      expect(c.tiers[0].shipping.groups[0].countries).toEqual(['FR', 'CH']);
      expect(c.tiers[1]).toMatchObject({ title: 'Lamp', price: 6000, limit: null, remaining: null });
      expect(c.stretchGoals).toEqual([{ amount: 800_000, description: 'A second colour', reached: false }]);
      expect(await scalar(t, sql`SELECT count(*)::int FROM tier_slots WHERE tier_id = ${c.tiers[0].id}`)).toBe(100);
    });

    it.each([
      [{ goal: { amount: 50, currency: 'EUR' } }, 'body.goal.amount'],
      [{ goal: { amount: 5000, currency: 'JPY' } }, 'body.goal.currency'],
      [{ model: 'lottery' }, 'body.model'],
      [{ deadline: 'tomorrow' }, 'body.deadline'],
      [{ tiers: [{ title: '', price: 100 }] }, 'body.tiers.0.title'],
      [{ tiers: [{ title: 'x', price: -1 }] }, 'body.tiers.0.price'],
      [{ tiers: [{ title: 'x', price: 100, limit: 0 }] }, 'body.tiers.0.limit'],
      [{ tiers: [{ title: 'x', price: 100, estimatedDelivery: '2026-13' }] }, 'body.tiers.0.estimatedDelivery'],
      [
        { tiers: [{ title: 'x', price: 100, shipping: { groups: [{ countries: ['FRA'], cost: 1 }] } }] },
        'body.tiers.0.shipping.groups.0.countries.0',
      ],
    ])('answers 400 naming the field for %j', async (patch, field) => {
      const res = await createWith(patch);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it.each([
      [{ deadline: new Date(Date.now() - 1000).toISOString() }, 'body.deadline', 'deadline_in_past'],
      [{ stretchGoals: [{ amount: 5000, description: 'below the goal' }] }, 'body.stretchGoals.0.amount', 'stretch_goal_below_goal'],
      [{ model: 'donation', tiers: [{ title: 'x', price: 100 }] }, 'body.tiers.0', 'donation_without_tiers'],
      [{ tiers: [{ title: 'x', price: { amount: 100, currency: 'USD' } }] }, 'body.tiers.0.price', 'currency_mismatch'],
    ])('refuses a campaign that breaks a rule (%j)', async (patch, field, code) => {
      const res = await createWith(patch);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code, details: { field } });
    });

    it('is for the project hosts only', async () => {
      const f = await campaignFixture(t, { draft: true });
      const stranger = await t.signup('Stranger');
      const body = { goal: { amount: 10_000, currency: 'EUR' }, model: 'keep_it_all', deadline: future() };
      expect((await t.request(stranger, 'POST', `/api/v1/projects/${f.projectId}/campaigns`, body)).statusCode).toBe(403);
      expect((await t.request(null, 'POST', `/api/v1/projects/${f.projectId}/campaigns`, body)).statusCode).toBe(401);
    });
  });

  describe('read', () => {
    it('shows a draft to its hosts only, and lists the project campaigns', async () => {
      const f = await campaignFixture(t, { draft: true });
      const other = await t.signup('Other');
      expect((await t.request(f.host, 'GET', `/api/v1/campaigns/${f.campaignId}`)).statusCode).toBe(200);
      expect((await t.request(other, 'GET', `/api/v1/campaigns/${f.campaignId}`)).statusCode).toBe(404);
      expect((await t.request(null, 'GET', `/api/v1/projects/${f.projectId}/campaigns`)).json().items).toHaveLength(0);
      expect((await t.request(f.host, 'GET', `/api/v1/projects/${f.projectId}/campaigns`)).json().items).toHaveLength(1);
      await t.request(f.host, 'POST', `/api/v1/campaigns/${f.campaignId}/launch`);
      const list = (await t.request(null, 'GET', `/api/v1/projects/${f.projectId}/campaigns`)).json();
      expect(list.items.map((c: { id: string }) => c.id)).toEqual([f.campaignId]);
      expect((await t.request(null, 'GET', '/api/v1/campaigns/cmp_nope')).statusCode).toBe(404);
    });
  });

  describe('launch', () => {
    it('goes live and tells followers (in-app) and everyone who signed up (e-mail), once', async () => {
      const f = await campaignFixture(t, { draft: true });
      const follower = await t.signup('Follower');
      expect((await t.request(follower, 'POST', `/api/v1/projects/${f.projectId}/follow`)).statusCode).toBe(200);
      const email = `launch.${Date.now()}@example.test`;
      const signup = await t.request(null, 'POST', `/api/v1/projects/${f.projectId}/signups`, { email, locale: 'fr' });
      expect(signup.statusCode, signup.body).toBeLessThan(300);
      const res = await t.request(f.host, 'POST', `/api/v1/campaigns/${f.campaignId}/launch`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe('live');
      const notes = (await t.request(follower, 'GET', '/api/v1/notifications')).json();
      expect(notes.items.some((n: { kind: string }) => n.kind === 'campaign_launched')).toBe(true);
      expect(await scalar(t, sql`SELECT count(*)::int FROM mail_outbox WHERE to_address = ${email} AND subject LIKE '%lancé%'`)).toBe(1);
      const again = await t.request(f.host, 'POST', `/api/v1/campaigns/${f.campaignId}/launch`);
      expect(again.statusCode).toBe(409);
      expect(await scalar(t, sql`SELECT count(*)::int FROM mail_outbox WHERE to_address = ${email}`)).toBe(1);
    });

    it('runs one live campaign a project at a time and needs a deadline at least an hour away', async () => {
      const f = await campaignFixture(t);
      const second = await t.request(f.host, 'POST', `/api/v1/projects/${f.projectId}/campaigns`, {
        goal: { amount: 10_000, currency: 'EUR' },
        model: 'keep_it_all',
        deadline: future(),
      });
      expect((await t.request(f.host, 'POST', `/api/v1/campaigns/${second.json().id}/launch`)).json().error.code).toBe(
        'project_has_live_campaign',
      );
      const soon = await campaignFixture(t, { draft: true });
      await t.request(soon.host, 'PATCH', `/api/v1/campaigns/${soon.campaignId}`, {
        deadline: new Date(Date.now() + 600_000).toISOString(),
      });
      const res = await t.request(soon.host, 'POST', `/api/v1/campaigns/${soon.campaignId}/launch`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('deadline_too_soon');
    });
  });

  describe('edit', () => {
    it('keeps a live campaign goal, deadline and tier prices, but lets limits grow and text change', async () => {
      const f = await campaignFixture(t, { tiers: [{ title: 'Small', price: 1000, limit: 2 }] });
      const url = `/api/v1/campaigns/${f.campaignId}`;
      expect((await t.request(f.host, 'PATCH', url, { goal: { amount: 99_999, currency: 'EUR' } })).json().error.code).toBe(
        'campaign_live',
      );
      expect((await t.request(f.host, 'PATCH', url, { deadline: future(40) })).json().error.code).toBe('campaign_live');
      expect((await t.request(f.host, 'PATCH', url, { description: '**Now** with more' })).json().descriptionHtml).toContain(
        '<strong>Now</strong>',
      );
      const tierUrl = `${url}/tiers/${f.tierIds[0]}`;
      expect((await t.request(f.host, 'PATCH', tierUrl, { price: 900 })).json().error).toMatchObject({
        code: 'campaign_live',
        details: { field: 'body.price' },
      });
      expect((await t.request(f.host, 'PATCH', tierUrl, { limit: 1 })).json().error.code).toBe('tier_limit_locked');
      const grown = await t.request(f.host, 'PATCH', tierUrl, { limit: 5, title: 'Small+' });
      expect(grown.json()).toMatchObject({ limit: 5, remaining: 5, title: 'Small+' });
      const stranger = await t.signup('Stranger');
      expect((await t.request(stranger, 'PATCH', url, { description: 'mine now' })).statusCode).toBe(403);
    });

    it('adds tiers while live, deletes a tier without backers and refuses one with backers', async () => {
      const f = await campaignFixture(t);
      const added = await t.request(f.host, 'POST', `/api/v1/campaigns/${f.campaignId}/tiers`, { title: 'Late', price: 3000, limit: 10 });
      expect(added.statusCode, added.body).toBe(201);
      expect(added.json()).toMatchObject({ title: 'Late', remaining: 10 });
      const backer = await t.signup('Backer');
      expect((await pledge(t, backer, f.campaignId, { amount: 1000, tierId: f.tierIds[0] })).statusCode).toBe(201);
      const refused = await t.request(f.host, 'DELETE', `/api/v1/campaigns/${f.campaignId}/tiers/${f.tierIds[0]}`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('tier_has_backers');
      expect((await t.request(f.host, 'DELETE', `/api/v1/campaigns/${f.campaignId}/tiers/${added.json().id}`)).statusCode).toBe(204);
      const c = (await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json();
      expect(c.tiers.map((x: { id: string }) => x.id)).toEqual([f.tierIds[0]]);
      // A pledge on the deleted tier is refused.
      const late = await pledge(t, await t.signup('Late'), f.campaignId, { amount: 3000, tierId: added.json().id });
      expect(late.statusCode).toBe(400);
      expect(late.json().error).toMatchObject({ code: 'unknown_tier', details: { field: 'body.tierId' } });
    });
  });
});
