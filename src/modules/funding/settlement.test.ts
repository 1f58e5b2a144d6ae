import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestApp, DAY } from '../../../test/support/test-app.js';
import { settleCampaign } from './settle-campaign.js';
import { settleDueCampaigns } from './jobs.js';
import { dropExpiredErrored } from './recover.js';
import { CHARGE_LEASE_MS } from './charge-batch.js';
import { feesOn } from './money.js';
import { campaignEntries, campaignFixture, CARD, FAILS_ON_CHARGE, pledge, trialBalanceIsZero } from '../../../test/support/fixtures.js';
import { scalar } from '../../../test/support/sql.js';

const t = await openTestApp();

const hostBalance = (userId: string) =>
  scalar(
    t,
    sql`SELECT coalesce(sum(amount), 0)::bigint FROM ledger_entries WHERE account = ${`host:user:${userId}:balance`} AND currency = 'EUR'`,
  );
const statusCounts = async (campaignId: string) =>
  Object.fromEntries(
    (
      (await t.ctx.db.execute(
        sql`SELECT status, count(*)::int AS n FROM pledges WHERE campaign_id = ${campaignId} GROUP BY status`,
      )) as unknown as { rows: { status: string; n: number }[] }
    ).rows.map((r) => [r.status, Number(r.n)]),
  );
/** Each pledge of a campaign charged at most once at the processor, and collected at most once in the ledger. */
async function chargedOnce(campaignId: string) {
  const charges = await scalar(
    t,
    sql`SELECT count(*)::int FROM (SELECT split_part(idempotency_key, ':', 2) AS p, count(*) AS n FROM payment_charges
    WHERE status = 'succeeded' AND split_part(idempotency_key, ':', 2) IN (SELECT id FROM pledges WHERE campaign_id = ${campaignId}) GROUP BY 1 HAVING count(*) > 1) d`,
  );
  const collections = await scalar(
    t,
    sql`SELECT count(*)::int FROM (SELECT memo, count(*) FROM ledger_transactions WHERE ref_id = ${campaignId} AND kind = 'pledge_collected' GROUP BY memo HAVING count(*) > 1) d`,
  );
  return charges === 0 && collections === 0;
}

describe('settlement', () => {
  it('charges every pending pledge of a campaign that met its goal, takes the fees and pays the host', async () => {
    const f = await campaignFixture(t, { goal: 5000 });
    const operator = await t.operator();
    const amounts = [2000, 2500, 3000];
    for (const amount of amounts) expect((await pledge(t, await t.signup('B'), f.campaignId, { amount })).statusCode).toBe(201);
    expect((await t.request(f.host, 'POST', `/api/v1/campaigns/${f.campaignId}/settle`, { endNow: true })).statusCode).toBe(403);
    const early = await t.request(operator, 'POST', `/api/v1/campaigns/${f.campaignId}/settle`, {});
    expect(early.json().error.code).toBe('campaign_still_live');
    const res = await t.request(
      operator,
      'POST',
      `/api/v1/campaigns/${f.campaignId}/settle`,
      { endNow: true },
      { 'idempotency-key': `s-${Math.random()}` },
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', settled: true, pledges: { collected: 3 } });
    const net = amounts.reduce((s, a) => s + a - feesOn(a, t.ctx.config).payment - feesOn(a, t.ctx.config).platform, 0);
    expect(await hostBalance(f.host.id)).toBe(net);
    expect(await chargedOnce(f.campaignId)).toBe(true);
    expect(await trialBalanceIsZero(t)).toBe(true);
    const c = (await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json();
    expect(c).toMatchObject({ status: 'succeeded', raised: { amount: 7500 }, backers: 3 });
    expect(c.settledAt).not.toBeNull();
    const ledger = (await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}/ledger`)).json();
    expect(ledger.totals).toMatchObject({ received: 7500, refunded: 0, toHost: net, inEscrow: 0 });
    expect(ledger.totals.paymentFees + ledger.totals.platformFees + ledger.totals.toHost).toBe(7500);
    expect(ledger.balanced).toBe(true);
    expect(JSON.stringify(ledger)).not.toContain('usr_');
    // Again: nothing more happens.
    const again = await settleCampaign(t.ctx, f.campaignId);
    expect(again.pledges).toEqual({ collected: 3 });
    expect(await hostBalance(f.host.id)).toBe(net);
  });

  it('charges nobody when an all-or-nothing campaign misses its goal: pledges are voided', async () => {
    const f = await campaignFixture(t, { goal: 100_000, days: 2 });
    const b = await t.signup('Hopeful');
    await pledge(t, b, f.campaignId, { amount: 5000 });
    t.clock.advance(3 * DAY);
    try {
      expect(await settleDueCampaigns(t.ctx)).toBeGreaterThanOrEqual(1);
    } finally {
      t.clock.advance(-3 * DAY);
    }
    const c = (await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json();
    expect(c).toMatchObject({ status: 'failed', raised: { amount: 5000 }, backers: 1 });
    expect(await statusCounts(f.campaignId)).toEqual({ voided: 1 });
    expect(await campaignEntries(t, f.campaignId)).toBe(0);
    expect(
      await scalar(
        t,
        sql`SELECT count(*)::int FROM payment_charges WHERE method_token IN (SELECT method_token FROM pledges WHERE campaign_id = ${f.campaignId})`,
      ),
    ).toBe(0);
    expect(
      (await t.request(b, 'GET', '/api/v1/notifications'))
        .json()
        .items.some((n: { kind: string }) => n.kind === 'campaign_failed_pledge_voided'),
    ).toBe(true);
  });

  it('ends keep-it-all and donation campaigns with what they collected, released to the host', async () => {
    for (const model of ['keep_it_all', 'donation'] as const) {
      const f = await campaignFixture(t, { model, goal: 1_000_000 });
      await pledge(t, await t.signup('Giver'), f.campaignId, { amount: 4000 });
      const report = await settleCampaign(t.ctx, f.campaignId, { endNow: true });
      expect(report).toMatchObject({ status: 'ended', settled: true, pledges: { collected: 1 } });
      const fees = feesOn(4000, t.ctx.config);
      expect(await hostBalance(f.host.id)).toBe(4000 - fees.payment - fees.platform);
    }
  });

  it('errors a pledge whose charge fails, tells the backer, counts it only once fixed within 7 days; drops one left unfixed', async () => {
    const f = await campaignFixture(t, { goal: 2000, tiers: [{ title: 'One of two', price: 1000, limit: 2 }] });
    const [ok, fixer, dropper] = [await t.signup('Ok'), await t.signup('Fixer'), await t.signup('Dropper')];
    await pledge(t, ok, f.campaignId, { amount: 1000, tierId: f.tierIds[0] });
    const toFix = (await pledge(t, fixer, f.campaignId, { amount: 1500, payment: FAILS_ON_CHARGE })).json();
    const toDrop = (await pledge(t, dropper, f.campaignId, { amount: 1000, tierId: f.tierIds[0], payment: FAILS_ON_CHARGE })).json();
    const report = await settleCampaign(t.ctx, f.campaignId, { endNow: true });
    expect(report).toMatchObject({ status: 'succeeded', settled: true, pledges: { collected: 1, errored: 2 } });
    let c = (await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json();
    expect(c).toMatchObject({ raised: { amount: 1000 }, backers: 1 });
    const mine = (await t.request(fixer, 'GET', `/api/v1/pledges/${toFix.id}`)).json();
    expect(mine.status).toBe('errored');
    expect(mine.failureMessage).toMatch(/declined/);
    expect(new Date(mine.fixDeadline).getTime() - t.clock.now().getTime()).toBeGreaterThan(6.9 * DAY);
    expect(
      (await t.request(fixer, 'GET', '/api/v1/notifications')).json().items.some((n: { kind: string }) => n.kind === 'pledge_errored'),
    ).toBe(true);
    expect(await scalar(t, sql`SELECT count(*)::int FROM mail_outbox WHERE to_address = ${fixer.email} AND subject LIKE '%7 days%'`)).toBe(
      1,
    );
    const hostBefore = await hostBalance(f.host.id);

    // The fix: another refused card is a 402 and changes nothing; a good one collects and pays the host.
    t.clock.advance(3 * DAY);
    try {
      const refused = await t.request(fixer, 'POST', `/api/v1/pledges/${toFix.id}/fix`, { payment: FAILS_ON_CHARGE });
      expect(refused.statusCode).toBe(402);
      expect((await t.request(fixer, 'GET', `/api/v1/pledges/${toFix.id}`)).json()).toMatchObject({
        status: 'errored',
        fixDeadline: mine.fixDeadline,
      });
      const fixed = await t.request(
        fixer,
        'POST',
        `/api/v1/pledges/${toFix.id}/fix`,
        { payment: CARD },
        { 'idempotency-key': `fix-${Math.random()}` },
      );
      expect(fixed.statusCode, fixed.body).toBe(200);
      expect(fixed.json().status).toBe('collected');
      const fees = feesOn(1500, t.ctx.config);
      expect(await hostBalance(f.host.id)).toBe(hostBefore + 1500 - fees.payment - fees.platform);
      c = (await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json();
      expect(c).toMatchObject({ raised: { amount: 2500 }, backers: 2 });
      expect(c.tiers[0].remaining).toBe(0);

      t.clock.advance(5 * DAY);
      expect((await t.request(dropper, 'POST', `/api/v1/pledges/${toDrop.id}/fix`, { payment: CARD })).json().error.code).toBe(
        'fix_window_closed',
      );
      expect(await dropExpiredErrored(t.ctx)).toBeGreaterThanOrEqual(1);
    } finally {
      t.clock.advance(-8 * DAY);
    }
    expect((await t.request(dropper, 'GET', `/api/v1/pledges/${toDrop.id}`)).json().status).toBe('dropped');
    c = (await t.request(null, 'GET', `/api/v1/campaigns/${f.campaignId}`)).json();
    expect(c.tiers[0].remaining).toBe(1);
    expect(c).toMatchObject({ raised: { amount: 2500 }, backers: 2 });
    expect(await chargedOnce(f.campaignId)).toBe(true);
    expect(await trialBalanceIsZero(t)).toBe(true);
  });

  it('is resumable: interrupted after claiming or after charging, a second run charges each pledge exactly once', async () => {
    for (const where of ['afterClaim', 'afterCharges'] as const) {
      const f = await campaignFixture(t, { goal: 1000 });
      for (let i = 0; i < 12; i++) await pledge(t, await t.signup('B'), f.campaignId, { amount: 1000 + i });
      let calls = 0;
      const crash = async () => {
        if (++calls === 2) throw new Error('killed');
      };
      await expect(settleCampaign(t.ctx, f.campaignId, { endNow: true, batchSize: 5, hooks: { [where]: crash } })).rejects.toThrow(
        'killed',
      );
      const mid = await statusCounts(f.campaignId);
      expect(mid.charging).toBe(5);
      // A run before the lease lapses leaves the claimed ones to their (dead) worker …
      const early = await settleCampaign(t.ctx, f.campaignId);
      expect(early.settled).toBe(false);
      // … and after it lapses, takes them over with the same charge keys.
      t.clock.advance(CHARGE_LEASE_MS + 1000);
      try {
        const done = await settleCampaign(t.ctx, f.campaignId);
        expect(done).toMatchObject({ settled: true, pledges: { collected: 12 } });
      } finally {
        t.clock.advance(-(CHARGE_LEASE_MS + 1000));
      }
      expect(await chargedOnce(f.campaignId)).toBe(true);
      expect(
        await scalar(t, sql`SELECT count(*)::int FROM ledger_transactions WHERE ref_id = ${f.campaignId} AND kind = 'pledge_collected'`),
      ).toBe(12);
      expect(await trialBalanceIsZero(t)).toBe(true);
    }
  });

  it('lets a host call off a live all-or-nothing campaign (voiding pledges) but not a keep-it-all one that charged backers', async () => {
    const f = await campaignFixture(t);
    await pledge(t, await t.signup('B'), f.campaignId, { amount: 3000 });
    const res = await t.request(f.host, 'POST', `/api/v1/campaigns/${f.campaignId}/cancel`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('cancelled');
    expect(await statusCounts(f.campaignId)).toEqual({ voided: 1 });
    const k = await campaignFixture(t, { model: 'keep_it_all' });
    await pledge(t, await t.signup('B'), k.campaignId, { amount: 3000 });
    const refused = await t.request(k.host, 'POST', `/api/v1/campaigns/${k.campaignId}/cancel`);
    expect(refused.json().error.code).toBe('campaign_has_collected_pledges');
    // It is live again and still takes pledges.
    expect((await pledge(t, await t.signup('C'), k.campaignId, { amount: 3000 })).statusCode).toBe(201);
    const stranger = await t.signup('Stranger');
    expect((await t.request(stranger, 'POST', `/api/v1/campaigns/${k.campaignId}/cancel`)).statusCode).toBe(403);
  });
});
