import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { openTestApp } from '../../../test/support/test-app.js';
import { paymentCharges } from '../../db/schema/payments.js';
import { randomToken } from '../../lib/ids.js';
import { luhnValid, TestPaymentProvider, TEST_CARDS } from './test-provider.js';
import { paymentProvider, providerForPayment } from './service.js';
import { statusOf } from '../../http/status.js';
import { DomainError } from '../../lib/errors.js';

const t = await openTestApp();
const provider = new TestPaymentProvider(t.ctx.db);

const key = () => `test:${randomToken(8)}`;

describe('TestPaymentProvider', () => {
  describe('saveMethod', () => {
    it('verifies and saves 4242 and 0341, with a label a person recognises', async () => {
      for (const number of [TEST_CARDS.ok, TEST_CARDS.failsOnCharge, '4242 4242 4242 4242']) {
        const saved = await provider.saveMethod({ type: 'test_card', number });
        expect(saved.ok).toBe(true);
        if (saved.ok) {
          expect(saved.method.provider).toBe('test');
          expect(saved.method.label).toBe(`Visa •••• ${number.replace(/\s/g, '').slice(-4)}`);
          expect(saved.method.token).not.toContain(number.replace(/\s/g, ''));
        }
      }
    });

    it.each([
      [TEST_CARDS.declined, 'card_declined', /declined/],
      [TEST_CARDS.insufficientFunds, 'insufficient_funds', /insufficient funds/],
      ['4242424242424241', 'incorrect_number', /incorrect/],
      ['12', 'incorrect_number', /incorrect/],
      ['5555555555554444', 'test_mode_card', /test mode/],
    ])('declines %s as %s', async (number, code, message) => {
      const saved = await provider.saveMethod({ type: 'test_card', number });
      expect(saved).toMatchObject({ ok: false, decline: { code } });
      if (!saved.ok) expect(saved.decline.message).toMatch(message);
    });
  });

  describe('charge', () => {
    it('charges 4242 once per idempotency key, and finds the charge again', async () => {
      const saved = await provider.saveMethod({ type: 'test_card', number: TEST_CARDS.ok });
      if (!saved.ok) throw new Error('not saved');
      const k = key();
      const [first, second] = await Promise.all([
        provider.charge({ idempotencyKey: k, methodToken: saved.method.token, amount: 1500, currency: 'EUR' }),
        provider.charge({ idempotencyKey: k, methodToken: saved.method.token, amount: 1500, currency: 'EUR' }),
      ]);
      expect(first.ok).toBe(true);
      expect(second).toEqual(first);
      expect(await provider.findCharge(k)).toEqual(first);
      const rows = await t.ctx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(paymentCharges)
        .where(eq(paymentCharges.idempotencyKey, k));
      expect(rows[0]!.n).toBe(1);
      expect(await provider.findCharge(key())).toBeNull();
    });

    it('fails the charge of 0341, which verified', async () => {
      const saved = await provider.saveMethod({ type: 'test_card', number: TEST_CARDS.failsOnCharge });
      if (!saved.ok) throw new Error('not saved');
      const result = await provider.charge({ idempotencyKey: key(), methodToken: saved.method.token, amount: 1500, currency: 'EUR' });
      expect(result).toMatchObject({ ok: false, decline: { code: 'card_declined' } });
    });
  });

  describe('chargeMany', () => {
    it('charges several at once, each once per key, in order, with the same outcomes as one by one', async () => {
      const ok = await provider.saveMethod({ type: 'test_card', number: TEST_CARDS.ok });
      const bad = await provider.saveMethod({ type: 'test_card', number: TEST_CARDS.failsOnCharge });
      if (!ok.ok || !bad.ok) throw new Error('not saved');
      const keys = [key(), key(), key()];
      const already = await provider.charge({ idempotencyKey: keys[0]!, methodToken: ok.method.token, amount: 100, currency: 'EUR' });
      const answers = await provider.chargeMany([
        { idempotencyKey: keys[0]!, methodToken: ok.method.token, amount: 100, currency: 'EUR' },
        { idempotencyKey: keys[1]!, methodToken: bad.method.token, amount: 200, currency: 'EUR' },
        { idempotencyKey: keys[2]!, methodToken: ok.method.token, amount: 300, currency: 'EUR' },
      ]);
      expect(answers[0]).toEqual(already);
      expect(answers[1]).toMatchObject({ ok: false, decline: { code: 'card_declined' } });
      expect(answers[2]!.ok).toBe(true);
      expect(await provider.chargeMany([{ idempotencyKey: keys[2]!, methodToken: ok.method.token, amount: 300, currency: 'EUR' }])).toEqual(
        [answers[2]],
      );
    });
  });

  describe('refund and payout', () => {
    it('refunds and pays out once per key', async () => {
      const k = key();
      const r1 = await provider.refund({ idempotencyKey: k, chargeId: 'ch_x', amount: 100, currency: 'EUR' });
      const r2 = await provider.refund({ idempotencyKey: k, chargeId: 'ch_x', amount: 100, currency: 'EUR' });
      expect(r1.ok && r2.ok && r1.refundId === r2.refundId).toBe(true);
      const p1 = await provider.payout({ idempotencyKey: k, destination: 'user:x', amount: 100, currency: 'EUR' });
      const p2 = await provider.payout({ idempotencyKey: k, destination: 'user:x', amount: 100, currency: 'EUR' });
      expect(p1.ok && p2.ok && p1.payoutId === p2.payoutId).toBe(true);
    });
  });
});

describe('payment providers', () => {
  it('routes test cards to the test provider and refuses an unknown provider with a 400 naming the field', () => {
    expect(providerForPayment(t.ctx, { type: 'test_card', number: TEST_CARDS.ok }).name).toBe('test');
    try {
      paymentProvider(t.ctx, 'nope');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect(statusOf(e as DomainError)).toBe(400);
      expect((e as DomainError).details).toEqual({ field: 'body.payment.provider' });
    }
  });

  it('checks card numbers with the Luhn sum', () => {
    expect(luhnValid(TEST_CARDS.ok)).toBe(true);
    expect(luhnValid(TEST_CARDS.declined)).toBe(true);
    expect(luhnValid(TEST_CARDS.insufficientFunds)).toBe(true);
    expect(luhnValid(TEST_CARDS.failsOnCharge)).toBe(true);
    expect(luhnValid('4242424242424243')).toBe(false);
  });
});
