import type { ErrorKind } from '../lib/error-codes.js';
import type { DomainError } from '../lib/errors.js';

/** The status of each kind of domain error: the one place where a refusal becomes an HTTP status. */
export const STATUS_BY_KIND = {
  invalid: 400,
  unauthenticated: 401,
  payment_declined: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  unexpected: 500,
} as const satisfies Record<ErrorKind, number>;

/**
 * The HTTP status a domain error is answered with.
 * @example statusOf(conflict('campaign_closed', '…')) // 409
 */
export function statusOf(error: Pick<DomainError, 'kind'>): number {
  return STATUS_BY_KIND[error.kind];
}
