import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/client.js';
import { newId } from '../../lib/ids.js';
import type {
  ChargeRequest,
  ChargeResult,
  Decline,
  PaymentMethodInput,
  PaymentProvider,
  PayoutRequest,
  PayoutResult,
  RefundRequest,
  RefundResult,
  SaveMethodResult,
} from './provider.js';
import {
  type ChargeRow,
  insertChargeOnce,
  insertCharges,
  insertPayoutOnce,
  insertRefundOnce,
  selectCharge,
  selectCharges,
} from './queries.js';

/** The test cards, as in a card processor's test mode. */
export const TEST_CARDS = {
  /** Verifies and charges. */
  ok: '4242424242424242',
  /** Declined. */
  declined: '4000000000000002',
  /** Declined for insufficient funds. */
  insufficientFunds: '4000000000009995',
  /** Verifies, but the charge fails. */
  failsOnCharge: '4000000000000341',
} as const;

const DECLINES = {
  card_declined: 'Your card was declined. Please try another card.',
  insufficient_funds: 'Your card has insufficient funds. Please try another card.',
  incorrect_number: 'Your card number is incorrect. Please check it and try again.',
  test_mode_card: 'This card was declined: payments here are in test mode, use a test card such as 4242 4242 4242 4242.',
} satisfies Record<Decline['code'], string>;

const decline = (code: Decline['code']): Decline => ({ code, message: DECLINES[code] });

/** Luhn checksum of a card number. */
export function luhnValid(number: string): boolean {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The test card a saved method stands for, read back from its token (`pm_test_<last4>_<random>`). */
function lastFourOf(token: string): string | null {
  return /^pm_test_(\d{4})_[A-Za-z0-9_-]+$/.exec(token)?.[1] ?? null;
}

/**
 * The built-in `test` provider: deterministic and in-process, no network. It keeps its own books
 * (payment_charges, payment_refunds, payment_payouts, one row per idempotency key) as a processor would,
 * so a charge is made once per key and "charged exactly once" can be checked.
 * @example const p = new TestPaymentProvider(ctx.db); const saved = await p.saveMethod({ type: 'test_card', number: '4242424242424242' })
 */
export class TestPaymentProvider implements PaymentProvider {
  readonly name = 'test';

  constructor(private readonly db: Executor) {}

  async saveMethod(input: PaymentMethodInput): Promise<SaveMethodResult> {
    if (input.type !== 'test_card') return { ok: false, decline: decline('test_mode_card') };
    const number = input.number.replace(/[\s-]/g, '');
    if (!/^\d{12,19}$/.test(number) || !luhnValid(number)) return { ok: false, decline: decline('incorrect_number') };
    if (number === TEST_CARDS.declined) return { ok: false, decline: decline('card_declined') };
    if (number === TEST_CARDS.insufficientFunds) return { ok: false, decline: decline('insufficient_funds') };
    if (number !== TEST_CARDS.ok && number !== TEST_CARDS.failsOnCharge) return { ok: false, decline: decline('test_mode_card') };
    const last4 = number.slice(-4);
    return {
      ok: true,
      method: { provider: this.name, token: `pm_test_${last4}_${randomUUID().replaceAll('-', '')}`, label: `Visa •••• ${last4}` },
    };
  }

  /** What a charge of this saved method does: null when it goes through, else why it fails. */
  private failureOf(methodToken: string): Decline['code'] | null {
    const last4 = lastFourOf(methodToken);
    return last4 === null || last4 === TEST_CARDS.failsOnCharge.slice(-4) ? 'card_declined' : null;
  }

  /** What every row of this provider's books starts with: the request's key and amount, a new id of the kind. */
  private entryOf(req: { idempotencyKey: string; amount: number; currency: string }, kind: 'ch' | 're' | 'po') {
    return { idempotencyKey: req.idempotencyKey, id: newId(kind), provider: this.name, amount: req.amount, currency: req.currency };
  }

  /** The charge this provider records for a request: its outcome follows from the saved method. */
  private chargeRowOf(req: ChargeRequest) {
    const failure = this.failureOf(req.methodToken);
    return {
      ...this.entryOf(req, 'ch'),
      methodToken: req.methodToken,
      status: failure ? ('failed' as const) : ('succeeded' as const),
      failureCode: failure,
    };
  }

  async chargeMany(requests: ChargeRequest[]): Promise<ChargeResult[]> {
    if (!requests.length) return [];
    await insertCharges(
      this.db,
      requests.map((r) => this.chargeRowOf(r)),
    );
    const rows = await selectCharges(
      this.db,
      requests.map((r) => r.idempotencyKey),
    );
    const byKey = new Map(rows.map((r) => [r.idempotencyKey, r]));
    return requests.map((r) => toChargeResult(byKey.get(r.idempotencyKey)!));
  }

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    return toChargeResult(await insertChargeOnce(this.db, this.chargeRowOf(req)));
  }

  async findCharge(idempotencyKey: string): Promise<ChargeResult | null> {
    const row = await selectCharge(this.db, idempotencyKey);
    return row ? toChargeResult(row) : null;
  }

  async refund(req: RefundRequest): Promise<RefundResult> {
    const row = await insertRefundOnce(this.db, { ...this.entryOf(req, 're'), chargeId: req.chargeId, status: 'succeeded' });
    return row.status === 'succeeded' ? { ok: true, refundId: row.id } : { ok: false, message: 'The refund failed.' };
  }

  async payout(req: PayoutRequest): Promise<PayoutResult> {
    const row = await insertPayoutOnce(this.db, { ...this.entryOf(req, 'po'), destination: req.destination, status: 'paid' });
    return row.status === 'paid' ? { ok: true, payoutId: row.id } : { ok: false, message: 'The payout failed.' };
  }
}

function toChargeResult(row: ChargeRow): ChargeResult {
  if (row.status === 'succeeded') return { ok: true, chargeId: row.id };
  return { ok: false, chargeId: row.id, decline: decline((row.failureCode as Decline['code']) ?? 'card_declined') };
}
