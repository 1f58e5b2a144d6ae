import { AppError } from '../../http/errors.js';
import type { Decline } from '../payments/service.js';

/** The rows of a `db.execute` result, on PGlite and on PostgreSQL alike. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** A card refusal as the API answers it: a 402 with the processor's reason in plain words. */
export function declineError(decline: Decline): AppError {
  return new AppError(402, decline.code, decline.message, { field: 'body.payment' });
}

/** An amount for a message, e.g. `25.00 EUR` (the web app formats amounts for the reader's locale). */
export function formatAmount(minor: number, currency: string): string {
  return `${(minor / 100).toFixed(2)} ${currency}`;
}
