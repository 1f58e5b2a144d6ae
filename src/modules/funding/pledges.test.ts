import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestApp, DAY, type TestUser } from '../../../test/support/test-app.js';
import {
  campaignEntries,
  campaignFixture,
  CARD,
  DECLINED,
  FAILS_ON_CHARGE,
  NO_FUNDS,
  pledge,
  trialBalanceIsZero,
} from '../../../test/support/fixtures.js';
import { scalar } from '../../../test/support/sql.js';

const t = await openTestApp();

const pledgesOf = (campaignId: string) => scalar(t, sql`SELECT count(*)::int FROM pledges WHERE campaign_id = ${campaignId}`);
const people = (n: number, name = 'Backer') => Promise.all(Array.from({ length: n }, (_, i) => t.signup(`${name} ${i}`)));

describe('pledges', () => {
  describe('create (all-or-nothing)', () => {
    it('saves the card and pledges `pending`; the campaign counts it at once', async () => {
      const f = await campaignFixture(t);
      const backer = await t.signup('Backer');
      const res = await pledge(t, backer, f.campaignId, { amount: 2500, tierId: f.tierIds[0] });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        status: 'pending',
        amount: { amount: 2500, currency: 'EUR' },
        tierId: f.tierIds[0],
        paymentMethod: 'Visa •••• 4242',
      });
      expect(res.json().id).toMatch(/^plg_/);
      const c = (await t.request(backer, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json();
      expect(c).toMatchObject({ raised: { amount: 2500 }, backers: 1, viewer: { pledgeIds: [res.json().id] } });
      expect(c.tiers[0].backers).toBe(1);
      // Nothing is charged before the campaign succeeds.
      expect(await campaignEntries(t, f.campaignId)).toBe(0);
      expect(
        await scalar(t, sql`SELECT count(*)::int FROM payment_charges WHERE idempotency_key LIKE ${`pledge:${res.json().id}:%`}`),
      ).toBe(0);
    });

    it.each([
      ['declined', DECLINED, 'card_declined', /declined/],
      ['insufficient funds', NO_FUNDS, 'insufficient_funds', /insufficient funds/],
      ['a wrong number', { type: 'test_card', number: '4242424242424241' }, 'incorrect_number', /incorrect/],
    ])('answers 402 for a card %s, and leaves no pledge and no ledger entry', async (_label, payment, code, message) => {
      const f = await campaignFixture(t);
      const backer = await t.signup('Declined');
      const res = await pledge(t, backer, f.campaignId, { amount: 2500, payment });
      expect(res.statusCode).toBe(402);
      expect(res.json().error).toMatchObject({ code, details: { field: 'body.payment' } });
      expect(res.json().error.message).toMatch(message);
      expect(await pledgesOf(f.campaignId)).toBe(0);
      expect(await campaignEntries(t, f.campaignId)).toBe(0);
      expect((await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json()).toMatchObject({
        raised: { amount: 0 },
        backers: 0,
      });
    });

    it.each([
      [{ amount: 'lots' }, 'body.amount'],
      [{ amount: 25.5 }, 'body.amount'],
      [{ payment: undefined }, 'body.payment'],
      [{ payment: { type: 'cash' } }, 'body.payment.type'],
      [{ shippingCountry: 'France' }, 'body.shippingCountry'],
    ])('answers 400 naming the field for %j', async (patch, field) => {
      const f = await campaignFixture(t);
      const res = await t.request(await t.signup('B'), 'POST', `/api/v1/campaigns/${f.campaignId}/pledges`, {
        amount: 2500,
        payment: CARD,
        ...patch,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('checks the amount against the tier price plus its shipping, and where it ships', async () => {
      const f = await campaignFixture(t, {
        tiers: [
          {
            title: 'Lamp',
            price: 4000,
            shipping: {
              groups: [
                { countries: ['FR', 'BE'], cost: 500 },
                { countries: ['DE'], cost: 900 },
              ],
            },
          },
        ],
      });
      const b = await t.signup('Shipper');
      const tierId = f.tierIds[0];
      const cases: [Record<string, unknown>, string, string][] = [
        [{ amount: 4500, tierId }, 'shipping_country_required', 'body.shippingCountry'],
        [{ amount: 4500, tierId, shippingCountry: 'JP' }, 'no_shipping_to_country', 'body.shippingCountry'],
        [{ amount: 4499, tierId, shippingCountry: 'FR' }, 'amount_below_tier', 'body.amount'],
        [{ amount: 4500, tierId, shippingCountry: 'DE' }, 'amount_below_tier', 'body.amount'],
        [{ amount: 99 }, 'amount_too_small', 'body.amount'],
        [{ amount: { amount: 5000, currency: 'USD' } }, 'currency_mismatch', 'body.amount'],
        [{ amount: 5000, tierId: 'tier_nope' }, 'unknown_tier', 'body.tierId'],
      ];
      for (const [body, code, field] of cases) {
        const res = await pledge(t, b, f.campaignId, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().error).toMatchObject({ code, details: { field } });
      }
      expect((await pledge(t, b, f.campaignId, { amount: 4499, tierId, shippingCountry: 'FR' })).json().error.message).toContain(
        '40.00 EUR plus 5.00 EUR shipping',
      );
      const ok = await pledge(t, b, f.campaignId, { amount: { amount: 4900, currency: 'EUR' }, tierId, shippingCountry: 'de' });
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ shippingCountry: 'DE', shippingCost: 900 });
    });

    it('takes one pledge a backer a campaign', async () => {
      const f = await campaignFixture(t);
      const b = await t.signup('Twice');
      const first = await pledge(t, b, f.campaignId, { amount: 1500 });
      expect(first.statusCode).toBe(201);
      const second = await pledge(t, b, f.campaignId, { amount: 3000 });
      expect(second.statusCode).toBe(409);
      expect(second.json().error).toMatchObject({ code: 'already_backed', details: { pledgeId: first.json().id } });
      // Concurrent first pledges of one backer: still one.
      const g = await campaignFixture(t);
      const results = await Promise.all(Array.from({ length: 8 }, () => pledge(t, b, g.campaignId, { amount: 1500 })));
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
      expect(await pledgesOf(g.campaignId)).toBe(1);
    });

    it('refuses pledges on a draft (404), after the deadline and without a session', async () => {
      const draft = await campaignFixture(t, { draft: true });
      expect((await pledge(t, await t.signup('B'), draft.campaignId, { amount: 1500 })).statusCode).toBe(404);
      const f = await campaignFixture(t, { days: 2 });
      t.clock.advance(3 * DAY);
      try {
        const late = await pledge(t, await t.signup('Late'), f.campaignId, { amount: 1500 });
        expect(late.statusCode).toBe(409);
        expect(late.json().error.code).toBe('campaign_closed');
      } finally {
        t.clock.advance(-3 * DAY);
      }
      expect((await pledge(t, null as unknown as TestUser, f.campaignId, { amount: 1500 })).statusCode).toBe(401);
    });

    it.each(['all_or_nothing', 'keep_it_all'] as const)(
      'refuses pledges (%s) at once once an operator hides the project, although its terms are cached',
      async (model) => {
        const f = await campaignFixture(t, {
          model,
          tiers: [
            { title: 'Thanks', price: 1000 },
            { title: 'Few', price: 1000, limit: 5 },
          ],
        });
        // A first pledge puts the live campaign's terms (project visible) in this process's cache.
        const first = await pledge(t, await t.signup('Early'), f.campaignId, { amount: 1500 });
        expect(first.statusCode, first.body).toBe(201);
        const operator = await t.operator();
        const hidden = await t.request(operator, 'POST', `/api/v1/projects/${f.projectId}/hide`, { reason: 'scam' });
        expect(hidden.statusCode, hidden.body).toBe(200);
        const entriesBefore = await campaignEntries(t, f.campaignId);
        for (const [who, tierId] of [
          [await t.signup('Late'), undefined],
          [await t.signup('Late tier'), f.tierIds[0]],
          [await t.signup('Late limited'), f.tierIds[1]],
          [f.host, undefined],
        ] as const) {
          const res = await pledge(t, who, f.campaignId, { amount: 1500, ...(tierId ? { tierId } : {}) });
          expect(res.statusCode, res.body).toBe(404);
          expect(res.json().error.code).toBe('campaign_not_found');
        }
        expect(await pledgesOf(f.campaignId)).toBe(1);
        expect(await campaignEntries(t, f.campaignId)).toBe(entriesBefore);
        // Shown again, the campaign takes pledges again.
        expect((await t.request(operator, 'POST', `/api/v1/projects/${f.projectId}/unhide`, {})).statusCode).toBe(200);
        expect((await pledge(t, await t.signup('Again'), f.campaignId, { amount: 1500 })).statusCode).toBe(201);
      },
    );
  });

  describe('create (keep-it-all and donation)', () => {
    it('charges at once: collected, with the fees as ledger entries of their own', async () => {
      const f = await campaignFixture(t, { model: 'keep_it_all' });
      const b = await t.signup('Now');
      const res = await pledge(t, b, f.campaignId, { amount: 10_000 });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().status).toBe('collected');
      const entries =
        await t.ctx.db.execute(sql`SELECT e.account, e.amount FROM ledger_entries e JOIN ledger_transactions x ON x.id = e.transaction_id
        WHERE x.ref_id = ${f.campaignId} AND x.kind = 'pledge_collected' ORDER BY e.amount`);
      const byAccount = Object.fromEntries(
        (entries as unknown as { rows: { account: string; amount: string }[] }).rows.map((r) => [r.account, Number(r.amount)]),
      );
      expect(byAccount).toEqual({
        [`external:card:${b.id}`]: -10_000,
        'platform:payment_fees': 320,
        'platform:fees': 500,
        [`campaign:${f.campaignId}:escrow`]: 9180,
      });
      expect(await trialBalanceIsZero(t)).toBe(true);
    });

    it('answers 402 when the charge itself fails (0341), leaving no pledge, no place taken and no ledger entry', async () => {
      const f = await campaignFixture(t, { model: 'keep_it_all', tiers: [{ title: 'One', price: 1000, limit: 1 }] });
      const b = await t.signup('Fails');
      const key = `fail-${Math.random()}`;
      const res = await pledge(t, b, f.campaignId, { amount: 1000, tierId: f.tierIds[0], payment: FAILS_ON_CHARGE }, key);
      expect(res.statusCode).toBe(402);
      expect(res.json().error.code).toBe('card_declined');
      expect(await pledgesOf(f.campaignId)).toBe(0);
      expect(await campaignEntries(t, f.campaignId)).toBe(0);
      expect((await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json().tiers[0].remaining).toBe(1);
      const replay = await pledge(t, b, f.campaignId, { amount: 1000, tierId: f.tierIds[0], payment: FAILS_ON_CHARGE }, key);
      expect(replay.statusCode).toBe(402);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toBe(res.body);
    });

    it('lets a person give to a donation campaign several times', async () => {
      const f = await campaignFixture(t, { model: 'donation' });
      const b = await t.signup('Giver');
      for (let i = 0; i < 3; i++) expect((await pledge(t, b, f.campaignId, { amount: 500 })).statusCode).toBe(201);
      expect((await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json()).toMatchObject({
        raised: { amount: 1500 },
        backers: 1,
        pledges: 3,
      });
      const tier = await pledge(t, b, f.campaignId, { amount: 500, tierId: 'tier_x' });
      expect(tier.json().error.code).toBe('donation_without_tiers');
    });
  });

  describe('idempotency', () => {
    it('returns the first answer for a repeat, pledges once, and refuses the same key with another body', async () => {
      const f = await campaignFixture(t, { model: 'keep_it_all' });
      const b = await t.signup('Repeat');
      const key = `same-${Math.random()}`;
      const first = await pledge(t, b, f.campaignId, { amount: 2000 }, key);
      const again = await pledge(t, b, f.campaignId, { amount: 2000 }, key);
      expect(first.statusCode).toBe(201);
      expect(again.statusCode).toBe(201);
      expect(again.body).toBe(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      const other = await pledge(t, b, f.campaignId, { amount: 2500 }, key);
      expect(other.statusCode).toBe(409);
      expect(other.json().error.code).toBe('idempotency_key_reused');
      expect(await pledgesOf(f.campaignId)).toBe(1);
      expect(
        await scalar(t, sql`SELECT count(*)::int FROM payment_charges WHERE idempotency_key LIKE ${`pledge:${first.json().id}:%`}`),
      ).toBe(1);
      expect(await scalar(t, sql`SELECT count(*)::int FROM ledger_transactions WHERE ref_id = ${f.campaignId}`)).toBe(1);
    });

    it('pledges once for concurrent repeats of one key', async () => {
      const f = await campaignFixture(t, { model: 'donation' });
      const b = await t.signup('Racer');
      const key = `race-${Math.random()}`;
      const results = await Promise.all(Array.from({ length: 10 }, () => pledge(t, b, f.campaignId, { amount: 700 }, key)));
      const ids = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().id));
      expect(ids.size).toBe(1);
      expect(results.every((r) => r.statusCode === 201 || (r.statusCode === 409 && r.json().error.code === 'pledge_conflict'))).toBe(true);
      expect(await pledgesOf(f.campaignId)).toBe(1);
      expect(await scalar(t, sql`SELECT count(*)::int FROM ledger_transactions WHERE ref_id = ${f.campaignId}`)).toBe(1);
    });

    it('replays a refusal (sold out) even once a place frees up, and checks the key length', async () => {
      const f = await campaignFixture(t, { tiers: [{ title: 'One', price: 1000, limit: 1 }] });
      const [a, b] = await people(2);
      const taken = await pledge(t, a!, f.campaignId, { amount: 1000, tierId: f.tierIds[0] });
      const key = `sold-${Math.random()}`;
      const refused = await pledge(t, b!, f.campaignId, { amount: 1000, tierId: f.tierIds[0] }, key);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('tier_sold_out');
      await t.request(a!, 'DELETE', `/api/v1/pledges/${taken.json().id}`);
      const replay = await pledge(t, b!, f.campaignId, { amount: 1000, tierId: f.tierIds[0] }, key);
      expect(replay.statusCode).toBe(409);
      expect(replay.body).toBe(refused.body);
      expect((await pledge(t, b!, f.campaignId, { amount: 1000, tierId: f.tierIds[0] })).statusCode).toBe(201);
      const long = await pledge(t, b!, f.campaignId, { amount: 1000 }, 'k'.repeat(256));
      expect(long.statusCode).toBe(400);
      expect(long.json().error).toMatchObject({ code: 'invalid_idempotency_key', details: { field: 'header.Idempotency-Key' } });
    });
  });

  describe('limited tiers', () => {
    it('sells exactly 5 places of a tier of 5 to 50 concurrent backers', async () => {
      const f = await campaignFixture(t, { tiers: [{ title: 'Five', price: 1000, limit: 5 }] });
      const backers = await people(50, 'Crowd');
      const results = await Promise.all(backers.map((b) => pledge(t, b, f.campaignId, { amount: 1000, tierId: f.tierIds[0] })));
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((c) => c === 201)).toHaveLength(5);
      expect(codes.filter((c) => c === 409)).toHaveLength(45);
      expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'tier_sold_out')).toBe(true);
      expect(await pledgesOf(f.campaignId)).toBe(5);
      const c = (await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json();
      expect(c).toMatchObject({ backers: 5, raised: { amount: 5000 } });
      expect(c.tiers[0]).toMatchObject({ limit: 5, remaining: 0, backers: 5 });
    });
  });

  describe('change and cancel', () => {
    it('changes amount and tier before the deadline, moving the tier place; cancelling frees it', async () => {
      const f = await campaignFixture(t, {
        tiers: [
          { title: 'A', price: 1000, limit: 1 },
          { title: 'B', price: 3000, limit: 1 },
        ],
      });
      const [a, b] = await people(2);
      const p = (await pledge(t, a!, f.campaignId, { amount: 1000, tierId: f.tierIds[0] })).json();
      const tooLow = await t.request(a!, 'PATCH', `/api/v1/pledges/${p.id}`, { tierId: f.tierIds[1] });
      expect(tooLow.json().error).toMatchObject({ code: 'amount_below_tier', details: { field: 'body.amount' } });
      const moved = await t.request(a!, 'PATCH', `/api/v1/pledges/${p.id}`, { tierId: f.tierIds[1], amount: 3500 });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json()).toMatchObject({ tierId: f.tierIds[1], amount: { amount: 3500 } });
      let c = (await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json();
      expect(c.tiers.map((x: { remaining: number }) => x.remaining)).toEqual([1, 0]);
      expect(c.raised.amount).toBe(3500);
      expect((await pledge(t, b!, f.campaignId, { amount: 3000, tierId: f.tierIds[1] })).json().error.code).toBe('tier_sold_out');
      expect((await t.request(b!, 'PATCH', `/api/v1/pledges/${p.id}`, { amount: 9000 })).statusCode).toBe(404);
      const cancelled = await t.request(a!, 'DELETE', `/api/v1/pledges/${p.id}`);
      expect(cancelled.json().status).toBe('cancelled');
      c = (await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json();
      expect(c).toMatchObject({ backers: 0, raised: { amount: 0 } });
      expect(c.tiers.map((x: { remaining: number }) => x.remaining)).toEqual([1, 1]);
      expect((await pledge(t, a!, f.campaignId, { amount: 3000, tierId: f.tierIds[1] })).statusCode).toBe(201);
    });

    it('refunds a charged pledge that its backer cancels before the deadline', async () => {
      const f = await campaignFixture(t, { model: 'keep_it_all' });
      const b = await t.signup('Changed mind');
      const p = (await pledge(t, b, f.campaignId, { amount: 5000 })).json();
      expect((await t.request(b, 'PATCH', `/api/v1/pledges/${p.id}`, { amount: 6000 })).json().error.code).toBe('pledge_collected');
      const res = await t.request(b, 'DELETE', `/api/v1/pledges/${p.id}`);
      expect(res.json()).toMatchObject({ status: 'cancelled', refunded: 5000 });
      expect(
        await scalar(t, sql`SELECT coalesce(sum(amount), 0)::int FROM ledger_entries WHERE account = ${`external:card:${b.id}`}`),
      ).toBe(0);
      expect(
        await scalar(t, sql`SELECT count(*)::int FROM payment_refunds WHERE amount = 5000 AND idempotency_key LIKE 'refund:%'`),
      ).toBeGreaterThan(0);
      expect(await trialBalanceIsZero(t)).toBe(true);
    });

    it('refuses changes after the deadline', async () => {
      const f = await campaignFixture(t, { days: 2 });
      const b = await t.signup('Slow');
      const p = (await pledge(t, b, f.campaignId, { amount: 1500 })).json();
      t.clock.advance(3 * DAY);
      try {
        expect((await t.request(b, 'PATCH', `/api/v1/pledges/${p.id}`, { amount: 2000 })).json().error.code).toBe('campaign_closed');
        expect((await t.request(b, 'DELETE', `/api/v1/pledges/${p.id}`)).json().error.code).toBe('campaign_closed');
      } finally {
        t.clock.advance(-3 * DAY);
      }
    });
  });

  describe('lists', () => {
    it('shows a backer their pledges and the hosts the campaign backers, with a CSV export', async () => {
      const f = await campaignFixture(t, {
        tiers: [{ title: 'Poster, "signed"', price: 1000, shipping: { groups: [{ countries: ['*'], cost: 200 }] } }],
      });
      const b = await t.signup('=Evil Name');
      const p = (await pledge(t, b, f.campaignId, { amount: 1200, tierId: f.tierIds[0], shippingCountry: 'PT' })).json();
      const mine = (await t.request(b, 'GET', '/api/v1/me/pledges')).json();
      expect(mine.items[0]).toMatchObject({
        id: p.id,
        tierTitle: 'Poster, "signed"',
        campaign: { id: f.campaignId },
        project: { id: f.projectId },
      });
      const list = await t.request(f.host, 'GET', `/api/v1/campaigns/${f.campaignId}/pledges`);
      expect(list.json().items[0]).toMatchObject({ id: p.id, backer: { id: b.id, email: b.email } });
      expect((await t.request(b, 'GET', `/api/v1/campaigns/${f.campaignId}/pledges`)).statusCode).toBe(403);
      const csv = await t.request(f.host, 'GET', `/api/v1/campaigns/${f.campaignId}/backers.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body.trim().split('\n');
      expect(lines[0]).toBe('pledge_id,backer_name,backer_email,tier,amount,currency,status,shipping_country,shipping_cost,pledged_at');
      expect(lines[1]).toContain(`${p.id},'=Evil Name,${b.email},"Poster, ""signed""",12.00,EUR,pending,PT,2.00,`);
      expect((await t.request(b, 'GET', `/api/v1/campaigns/${f.campaignId}/backers.csv`)).statusCode).toBe(403);
      const stats = (await t.request(f.host, 'GET', `/api/v1/campaigns/${f.campaignId}/stats`)).json();
      expect(stats.days.at(-1).cumulative).toBe(1200);
    });
  });
});
