/**
 * What Foule asks of a card processor. Calls happen outside database transactions; every call that
 * moves money carries an idempotency key, and the processor does it at most once per key (a repeat
 * answers what the first call did), so a flow that crashed half-way is simply run again.
 */
export interface PaymentProvider {
  readonly name: string;
  /** Verifies a payment method and saves it for later charges (no money moves). */
  saveMethod(input: PaymentMethodInput): Promise<SaveMethodResult>;
  /** Charges a saved method once per idempotency key. */
  charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Several charges in one call, each once per its key (for processors with a batch API); answers in order. */
  chargeMany?(requests: ChargeRequest[]): Promise<ChargeResult[]>;
  /** What a charge with this key did, or null when no such charge was made. */
  findCharge(idempotencyKey: string): Promise<ChargeResult | null>;
  /** Returns (part of) a charge to the card, once per idempotency key. */
  refund(request: RefundRequest): Promise<RefundResult>;
  /** Sends money to a host's bank account, once per idempotency key. */
  payout(request: PayoutRequest): Promise<PayoutResult>;
}

/** The `payment` of a request: a test card number (test provider) or a token made by a provider's own form. */
export type PaymentMethodInput = { type: 'test_card'; number: string } | { type: 'token'; provider: string; token: string };

export interface SavedMethod {
  provider: string;
  /** The provider's reference to the saved method. */
  token: string;
  /** What a person recognises, e.g. `Visa •••• 4242`. */
  label: string;
}

/** Why a card was refused, in words a person understands. */
export interface Decline {
  code: 'card_declined' | 'insufficient_funds' | 'incorrect_number' | 'test_mode_card';
  message: string;
}

export type SaveMethodResult = { ok: true; method: SavedMethod } | { ok: false; decline: Decline };

export interface ChargeRequest {
  idempotencyKey: string;
  methodToken: string;
  amount: number;
  currency: string;
  description?: string;
}

export type ChargeResult = { ok: true; chargeId: string } | { ok: false; chargeId: string; decline: Decline };

export interface RefundRequest {
  idempotencyKey: string;
  chargeId: string;
  amount: number;
  currency: string;
}

export type RefundResult = { ok: true; refundId: string } | { ok: false; message: string };

export interface PayoutRequest {
  idempotencyKey: string;
  /** The host's owner key, e.g. `org:org_…`: the provider knows its bank account. */
  destination: string;
  amount: number;
  currency: string;
}

export type PayoutResult = { ok: true; payoutId: string } | { ok: false; message: string };
