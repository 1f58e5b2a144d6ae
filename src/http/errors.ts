import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode } from '../lib/error-codes.js';
import { DomainError } from '../lib/errors.js';
import { statusOf } from './status.js';

export { STATUS_BY_KIND, statusOf } from './status.js';

/**
 * An error the HTTP edge itself raises, with its status (CSRF, API tokens, the Idempotency-Key header, request
 * hooks). Use cases throw DomainError (lib/errors.ts) instead, which knows no status. Its code is catalogued too.
 * @example throw new AppError(403, 'csrf_failed', 'Missing or wrong X-CSRF-Token header.')
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

interface FieldProblem {
  field: string;
  message: string;
  /** The zod issue's code (`too_small`, `invalid_format`, …), followed by its params (`minimum`, `format`, …). */
  code?: string;
  [param: string]: unknown;
}

/** Params of a zod issue that are not passed on: where (already in `field`), the text, and the value sent. */
const NOT_PARAMS = new Set(['code', 'path', 'message', 'input', 'errors', 'issues', 'inst', 'continue']);

/** A zod issue's params as JSON can carry them: scalars and lists of scalars (a bigint as a number or a string). */
function issueParams(issue: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const scalar = (v: unknown) =>
    typeof v === 'bigint'
      ? Number.isSafeInteger(Number(v))
        ? Number(v)
        : String(v)
      : ['string', 'number', 'boolean'].includes(typeof v)
        ? v
        : undefined;
  for (const [key, value] of Object.entries(issue)) {
    if (NOT_PARAMS.has(key)) continue;
    const v = Array.isArray(value) ? (value.every((x) => scalar(x) !== undefined) ? value.map(scalar) : undefined) : scalar(value);
    if (v !== undefined) params[key] = v;
  }
  return params;
}

/** What the request held at a zod issue's path (to tell a missing field from one of the wrong type). */
function sentAt(request: FastifyRequest, context: string, path: unknown[]): unknown {
  const parts: Record<string, unknown> = {
    body: request.body,
    querystring: request.query,
    params: request.params,
    headers: request.headers,
  };
  let value = parts[context];
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[String(key)];
  }
  return value;
}

/**
 * Each field the schema refused, with the zod issue's code and params for the web app's translation, e.g.
 * `{ field: 'body.password', code: 'too_small', origin: 'string', minimum: 10, inclusive: true, message }`; a
 * missing field is an `invalid_type` with `received: 'undefined'`.
 */
function describeValidation(error: FastifyError, request: FastifyRequest): FieldProblem[] {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const fromZod = hasZodFastifySchemaValidationErrors(error);
  return (error.validation ?? []).map((v) => {
    const path = (v.instancePath ?? '').split('/').filter(Boolean);
    const field = [context, ...path].join('.');
    const message = v.message ?? 'is invalid';
    // fastify-type-provider-zod hands each zod issue over as { keyword: issue.code, params: the issue's other keys }.
    if (!fromZod) return { field, message };
    const code = v.keyword;
    const missing = code === 'invalid_type' && sentAt(request, context, path) === undefined;
    return { field, code, ...issueParams(v.params as Record<string, unknown>), ...(missing ? { received: 'undefined' } : {}), message };
  });
}

/**
 * Installs the single error handler: every user error is a 4xx in the documented shape. A DomainError gets the
 * status of its kind (status.ts), an AppError its own.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError || error instanceof AppError) {
      if (error instanceof DomainError && error.kind === 'unexpected') request.log.error({ err: error }, 'broken invariant');
      return reply.status(error instanceof AppError ? error.status : statusOf(error)).send({
        error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const details = describeValidation(error, request);
      const message = details.map((d) => `${d.field}: ${d.message}`).join('; ') || 'The request is invalid.';
      return reply.status(400).send({ error: { code: 'validation_failed' satisfies ErrorCode, message, details } });
    }
    if (error.statusCode === 429) {
      return reply
        .status(429)
        .send({ error: { code: 'rate_limited' satisfies ErrorCode, message: 'Too many requests: wait a moment and try again.' } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = (error.code ?? 'bad_request').replace(/^FST_ERR_/, '').toLowerCase();
      return reply.status(error.statusCode).send({ error: { code, message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal' satisfies ErrorCode, message: 'Something went wrong on our side.' } });
  });
}
