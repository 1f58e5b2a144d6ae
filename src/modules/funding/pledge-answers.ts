import type { Executor } from '../../db/client.js';
import type { IdempotentAnswer } from '../../http/idempotency.js';
// The stored answer is replayed as an HTTP response, so it records the status the edge gives this error.
import { statusOf } from '../../http/status.js';
import type { DomainError } from '../../lib/errors.js';
import { insertPledgeRequest } from './pledge-queries.js';

/** The answer to a pledge request: sent as is, and the same again for a repeat with the same key. */
export type PledgeAnswer = IdempotentAnswer;

/**
 * Stores a failed pledge request's answer for its Idempotency-Key, so a repeat gets the same answer
 * (the first one stored wins).
 * @example await rememberFailure(db, backerId, key, hash, declineError(decline))
 */
export async function rememberFailure(db: Executor, backerId: string, key: string, hash: string, e: DomainError, at?: Date): Promise<void> {
  const body = JSON.stringify({ error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } });
  await insertPledgeRequest(db, {
    backerId,
    idempotencyKey: key,
    requestHash: hash,
    statusCode: statusOf(e),
    body,
    ...(at ? { createdAt: at } : {}),
  });
}
