import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestApp } from '../../../test/support/test-app.js';
import { settleCampaign } from './settle-campaign.js';
import { feesOn } from './money.js';
import { campaignFixture, pledge, trialBalanceIsZero } from '../../../test/support/fixtures.js';
import { scalar } from '../../../test/support/sql.js';

const t = await openTestApp();

/** A settled keep-it-all campaign of an organization, with one collected pledge of `amount`. */
async function settledOrgCampaign(amount: number) {
  const host = await t.signup('Org owner');
  const org = await t.request(host, 'POST', '/api/v1/orgs', { name: `Atelier ${Math.random().toString(36).slice(2, 8)}` });
  expect(org.statusCode, org.body).toBe(201);
  const f = await campaignFixture(t, { model: 'keep_it_all', host, orgId: org.json().id });
  const backer = await t.signup('Backer');
  const p = (await pledge(t, backer, f.campaignId, { amount })).json();
  return { ...f, orgId: org.json().id as string, backer, pledgeId: p.id as string };
}

describe('refunds', () => {
  it('refunds part, then the rest, of a collected pledge from the host balance, returning the platform fee in proportion', async () => {
    const f = await settledOrgCampaign(10_000);
    expect((await pledge(t, await t.signup('Other backer'), f.campaignId, { amount: 10_000 })).statusCode).toBe(201);
    await settleCampaign(t.ctx, f.campaignId, { endNow: true });
    const fees = feesOn(10_000, t.ctx.config);
    const net = 10_000 - fees.payment - fees.platform;
    const balanceUrl = `/api/v1/orgs/${f.orgId}/balance`;
    expect((await t.request(f.host, 'GET', balanceUrl)).json().balances).toEqual([{ currency: 'EUR', available: 2 * net }]);

    const key = `refund-${Math.random()}`;
    const refund = () =>
      t.request(f.host, 'POST', `/api/v1/pledges/${f.pledgeId}/refund`, { amount: 4000, reason: 'late' }, { 'idempotency-key': key });
    const part = await refund();
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json()).toMatchObject({ amount: { amount: 4000 }, status: 'succeeded', source: 'host', platformFeeReturned: 200 });
    const replay = await refund();
    expect(replay.body).toBe(part.body);
    expect(await scalar(t, sql`SELECT count(*)::int FROM pledge_refunds WHERE pledge_id = ${f.pledgeId}`)).toBe(1);

    const tooMuch = await t.request(f.host, 'POST', `/api/v1/pledges/${f.pledgeId}/refund`, { amount: 6001 });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().error).toMatchObject({ code: 'refund_too_large', details: { field: 'body.amount' } });
    expect((await t.request(f.backer, 'POST', `/api/v1/pledges/${f.pledgeId}/refund`, {})).statusCode).toBe(403);
    // Anyone else learns nothing of the pledge: 404, as for a pledge that does not exist.
    const stranger = await t.signup('Passer-by');
    expect((await t.request(stranger, 'POST', `/api/v1/pledges/${f.pledgeId}/refund`, {})).statusCode).toBe(404);

    const rest = await t.request(f.host, 'POST', `/api/v1/pledges/${f.pledgeId}/refund`, {});
    expect(rest.json()).toMatchObject({ amount: { amount: 6000 }, platformFeeReturned: fees.platform - 200 });
    expect((await t.request(f.backer, 'GET', `/api/v1/pledges/${f.pledgeId}`)).json()).toMatchObject({
      status: 'refunded',
      refunded: 10_000,
    });
    // The backer has everything back; the host paid the refund less the platform fee returned (the payment fee is lost).
    expect(
      await scalar(t, sql`SELECT coalesce(sum(amount), 0)::int FROM ledger_entries WHERE account = ${`external:card:${f.backer.id}`}`),
    ).toBe(0);
    const left = 2 * net - (10_000 - fees.platform);
    expect((await t.request(f.host, 'GET', balanceUrl)).json().balances).toEqual([{ currency: 'EUR', available: left }]);
    const ledger = (await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}/ledger`)).json();
    expect(ledger.totals).toMatchObject({
      received: 20_000,
      refunded: 10_000,
      platformFees: fees.platform,
      paymentFees: 2 * fees.payment,
      toHost: left,
      inEscrow: 0,
    });
    expect(ledger.balanced).toBe(true);
    expect(ledger.items.map((i: { kind: string }) => i.kind)).toEqual([
      'pledge_collected',
      'pledge_collected',
      'escrow_release',
      'refund',
      'refund',
    ]);
    expect((await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json()).toMatchObject({
      raised: { amount: 10_000 },
      backers: 1,
    });
    expect(await trialBalanceIsZero(t)).toBe(true);
  });

  it('refunds from escrow before settlement, and refuses a refund the host balance cannot cover', async () => {
    const f = await settledOrgCampaign(5000);
    const early = await t.request(f.host, 'POST', `/api/v1/pledges/${f.pledgeId}/refund`, { amount: 1000 });
    expect(early.json()).toMatchObject({ source: 'escrow', status: 'succeeded' });
    await settleCampaign(t.ctx, f.campaignId, { endNow: true });
    const paid = await t.request(f.host, 'POST', '/api/v1/payouts', { orgId: f.orgId, currency: 'EUR' });
    expect(paid.statusCode, paid.body).toBe(201);
    const refused = await t.request(f.host, 'POST', `/api/v1/pledges/${f.pledgeId}/refund`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('host_balance_insufficient');
    expect(await trialBalanceIsZero(t)).toBe(true);
  });

  it('refunds only collected pledges', async () => {
    const f = await campaignFixture(t);
    const p = (await pledge(t, await t.signup('B'), f.campaignId, { amount: 2000 })).json();
    const res = await t.request(f.host, 'POST', `/api/v1/pledges/${p.id}/refund`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('pledge_not_refundable');
    expect((await t.request(f.host, 'POST', '/api/v1/pledges/plg_nope/refund', {})).statusCode).toBe(404);
  });
});

describe('payouts', () => {
  it('pays out a host balance once per key, never more than it holds, for owners and admins only', async () => {
    const f = await settledOrgCampaign(20_000);
    await settleCampaign(t.ctx, f.campaignId, { endNow: true });
    const fees = feesOn(20_000, t.ctx.config);
    const available = 20_000 - fees.payment - fees.platform;
    const stranger = await t.signup('Stranger');
    expect((await t.request(stranger, 'GET', `/api/v1/orgs/${f.orgId}/balance`)).statusCode).toBe(403);
    expect((await t.request(stranger, 'POST', '/api/v1/payouts', { orgId: f.orgId, currency: 'EUR' })).statusCode).toBe(403);
    const tooMuch = await t.request(f.host, 'POST', '/api/v1/payouts', { orgId: f.orgId, currency: 'EUR', amount: available + 1 });
    expect(tooMuch.json().error).toMatchObject({ code: 'insufficient_balance', details: { field: 'body.amount' } });
    const bad = await t.request(f.host, 'POST', '/api/v1/payouts', { orgId: f.orgId, currency: 'XXX' });
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toContain('body.currency');

    const key = `payout-${Math.random()}`;
    const [a, b] = await Promise.all([
      t.request(f.host, 'POST', '/api/v1/payouts', { orgId: f.orgId, currency: 'EUR', amount: 5000 }, { 'idempotency-key': key }),
      t.request(f.host, 'POST', '/api/v1/payouts', { orgId: f.orgId, currency: 'EUR', amount: 5000 }, { 'idempotency-key': key }),
    ]);
    const answers = [a, b].filter((r) => r.statusCode === 201);
    expect(answers.length).toBeGreaterThanOrEqual(1);
    expect([a, b].every((r) => r.statusCode === 201 || r.json().error.code === 'idempotency_in_progress')).toBe(true);
    expect(answers[0]!.json()).toMatchObject({ status: 'paid', amount: { amount: 5000, currency: 'EUR' }, owner: `org:${f.orgId}` });
    const rest = await t.request(f.host, 'POST', '/api/v1/payouts', { orgId: f.orgId, currency: 'EUR' });
    expect(rest.json().amount.amount).toBe(available - 5000);
    const balance = (await t.request(f.host, 'GET', `/api/v1/orgs/${f.orgId}/balance`)).json();
    expect(balance.balances).toEqual([{ currency: 'EUR', available: 0 }]);
    expect(balance.payouts).toHaveLength(2);
    expect(await scalar(t, sql`SELECT count(*)::int FROM payment_payouts WHERE destination = ${`org:${f.orgId}`}`)).toBe(2);
    expect((await t.request(f.host, 'POST', '/api/v1/payouts', { orgId: f.orgId, currency: 'EUR' })).json().error.code).toBe(
      'nothing_to_pay_out',
    );
    expect(await trialBalanceIsZero(t)).toBe(true);
  });

  it('shows and pays out a personal host balance', async () => {
    const f = await campaignFixture(t, { model: 'donation' });
    await pledge(t, await t.signup('B'), f.campaignId, { amount: 3000 });
    await settleCampaign(t.ctx, f.campaignId, { endNow: true });
    const me = (await t.request(f.host, 'GET', '/api/v1/me/balance')).json();
    expect(me.owner).toBe(`user:${f.host.id}`);
    expect(me.balances[0].available).toBeGreaterThan(0);
    expect((await t.request(f.host, 'POST', '/api/v1/payouts', { currency: 'EUR' })).statusCode).toBe(201);
    expect((await t.request(f.host, 'GET', '/api/v1/me/balance')).json().balances).toEqual([{ currency: 'EUR', available: 0 }]);
  });
});
