// What the micro-tasks routes share: their OpenAPI tag, the `:id` most act on, the error answers beside their own,
// and the config of the routes that move money or need a signed-in person.
import { RATE_LIMITS } from '../../http/rate-limit.js';
import { ZIdParams, errorResponses } from '../../http/schemas.js';

const tags = ['tasks'];

/** The config of a route that moves money: an Idempotency-Key replays it, the money rate limit applies. */
export const MONEY = { idempotent: true as const, rateLimit: RATE_LIMITS.money };

/** The config of a read for signed-in people only. */
export const PERSON_ONLY = { auth: 'person' as const };

/**
 * The schema of a tasks route: its summary, then what it takes and answers (`answers`), under the tasks tag.
 * @example { schema: tasksRoute('A batch', { params: ZIdParams, response: answers(200, ZBatch) }) }
 */
export function tasksRoute<const P extends object>(summary: string, parts: P) {
  return { tags, summary, ...parts };
}

/** The same for a route on one batch or assignment (`/…/:id`). */
export function onId<const P extends object>(summary: string, parts: P) {
  return { tags, summary, params: ZIdParams, ...parts };
}

/** A route's responses: `schema` with this status, or an error. */
export function answers<const S extends 200 | 201, T>(status: S, schema: T): { [K in S]: T } & typeof errorResponses {
  return { [status]: schema, ...errorResponses } as { [K in S]: T } & typeof errorResponses;
}
