import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openTestApp } from '../../../test/support/test-app.js';
import { pledgeRefunds, pledges } from '../../db/schema/funding.js';
import { newId } from '../../lib/ids.js';
import { TestPaymentProvider, TEST_CARDS } from '../payments/test-provider.js';
import { COLLECT_LEASE_MS, requestHashOf } from './create-pledge.js';
import { chargeKey } from './escrow.js';
import { recoverCollecting, resumeMoneyFlows } from './recover.js';
import { campaignFixture, CARD, pledge } from '../../../test/support/fixtures.js';
import { scalar } from '../../../test/support/sql.js';

const t = await openTestApp();

/** A keep-it-all pledge left `collecting` by a process that died (optionally after charging the card). */
async function interrupted(campaignId: string, backerId: string, charged: boolean) {
  const saved = await new TestPaymentProvider(t.ctx.db).saveMethod({ type: 'test_card', number: TEST_CARDS.ok });
  if (!saved.ok) throw new Error('not saved');
  const key = `k-${Math.random()}`;
  const body = { amount: 4000, payment: CARD };
  const row = {
    id: newId('plg'),
    campaignId,
    backerId,
    amount: 4000,
    currency: 'EUR',
    status: 'collecting' as const,
    single: true,
    idempotencyKey: key,
    requestHash: requestHashOf(campaignId, body),
    provider: 'test',
    methodToken: saved.method.token,
    methodLabel: saved.method.label,
    chargeSeq: 1,
    leaseUntil: new Date(t.clock.now().getTime() + COLLECT_LEASE_MS),
  };
  await t.ctx.db.insert(pledges).values(row);
  if (charged)
    await new TestPaymentProvider(t.ctx.db).charge({
      idempotencyKey: chargeKey(row),
      methodToken: row.methodToken,
      amount: 4000,
      currency: 'EUR',
    });
  return { ...row, key, body };
}

describe('recovery', () => {
  describe('recoverCollecting', () => {
    it('records a charge made before the crash, and abandons a pledge whose card was never charged', async () => {
      const f = await campaignFixture(t, { model: 'keep_it_all' });
      const [a, b] = [await t.signup('A'), await t.signup('B')];
      const made = await interrupted(f.campaignId, a.id, true);
      const never = await interrupted(f.campaignId, b.id, false);
      // Within the lease nothing is touched: the request may still be running.
      await recoverCollecting(t.ctx, { campaignId: f.campaignId });
      expect(await scalar(t, sql`SELECT count(*)::int FROM pledges WHERE campaign_id = ${f.campaignId} AND status = 'collecting'`)).toBe(2);
      t.clock.advance(COLLECT_LEASE_MS + 1000);
      try {
        await recoverCollecting(t.ctx, { campaignId: f.campaignId });
      } finally {
        t.clock.advance(-(COLLECT_LEASE_MS + 1000));
      }
      const [after] = await t.ctx.db.select().from(pledges).where(eq(pledges.id, made.id));
      expect(after!.status).toBe('collected');
      expect(await scalar(t, sql`SELECT count(*)::int FROM ledger_transactions WHERE memo = ${`pledge:${made.id}`}`)).toBe(1);
      expect(await scalar(t, sql`SELECT count(*)::int FROM pledges WHERE id = ${never.id}`)).toBe(0);
      // The first backer retrying their request gets the recorded pledge; the second pledges afresh.
      const retry = await pledge(t, a, f.campaignId, made.body, made.key);
      expect(retry.statusCode).toBe(201);
      expect(retry.json()).toMatchObject({ id: made.id, status: 'collected' });
      const again = await pledge(t, b, f.campaignId, never.body, never.key);
      expect(again.statusCode).toBe(201);
      expect(again.json().id).not.toBe(never.id);
    });

    it('finishes an interrupted charge-at-once pledge when its request is repeated, charging once', async () => {
      const f = await campaignFixture(t, { model: 'donation' });
      const a = await t.signup('Repeater');
      const cut = await interrupted(f.campaignId, a.id, false);
      const res = await pledge(t, a, f.campaignId, cut.body, cut.key);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ id: cut.id, status: 'collected' });
      expect(await scalar(t, sql`SELECT count(*)::int FROM payment_charges WHERE idempotency_key = ${chargeKey(cut)}`)).toBe(1);
    });
  });

  describe('resumeMoneyFlows', () => {
    it('completes a refund left processing', async () => {
      const f = await campaignFixture(t, { model: 'keep_it_all' });
      const b = await t.signup('Refundee');
      const p = (await pledge(t, b, f.campaignId, { amount: 3000 })).json();
      // A refund recorded (step one) whose processor call never happened.
      const { recordRefund } = await import('./refunds.js');
      const refund = await t.ctx.db.transaction(async (tx) => {
        const [row] = await tx.select().from(pledges).where(eq(pledges.id, p.id)).for('update');
        return recordRefund(t.ctx, tx, row!, 1000, { userId: f.host.id, reason: 'test' });
      });
      t.clock.advance(10 * 60_000);
      try {
        expect(await resumeMoneyFlows(t.ctx)).toBeGreaterThanOrEqual(1);
      } finally {
        t.clock.advance(-10 * 60_000);
      }
      const [done] = await t.ctx.db.select().from(pledgeRefunds).where(eq(pledgeRefunds.id, refund.id));
      expect(done!.status).toBe('succeeded');
      expect(await scalar(t, sql`SELECT count(*)::int FROM payment_refunds WHERE idempotency_key = ${`refund:${refund.id}`}`)).toBe(1);
    });
  });
});
