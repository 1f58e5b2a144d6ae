import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

/**
 * NUL bytes and unpaired UTF-16 surrogates are valid in JavaScript strings and in JSON, but PostgreSQL refuses them
 * in `text` and `jsonb`: without this guard they reach a statement and fail there as a 500.
 */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (!value.isWellFormed()) return 'must not contain an unpaired surrogate (invalid Unicode)';
  return null;
}

interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Every string (and object key) below `value` that PostgreSQL could not store, with its dotted path.
 * @example findTextProblems({ a: ['x\u0000'] }, 'body') // [{ field: 'body.a.0', message: 'must not contain a NUL …' }]
 */
export function findTextProblems(value: unknown, path: string, out: FieldProblem[] = [], depth = 0): FieldProblem[] {
  if (out.length >= 20) return out;
  if (typeof value === 'string') {
    const message = textProblem(value);
    if (message) out.push({ field: path, message });
    return out;
  }
  if (value === null || typeof value !== 'object' || depth > 64) return out;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) findTextProblems(v, `${path}.${i}`, out, depth + 1);
    return out;
  }
  for (const [key, v] of Object.entries(value)) {
    const keyProblem = textProblem(key);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this guard replaces
    if (keyProblem) out.push({ field: `${path}.${key.replace(/[\u0000\ud800-\udfff]/g, '\ufffd')}`, message: `key ${keyProblem}` });
    else findTextProblems(v, `${path}.${key}`, out, depth + 1);
  }
  return out;
}

/** Refuses, before validation and for every route at once, a request whose path, query or body holds such text. */
export function installTextGuard(app: FastifyInstance): void {
  // A callback hook: the hot routes (pledges, leases) pay no promise for it.
  app.addHook('preValidation', (request: FastifyRequest, _reply, done) => {
    const problems: FieldProblem[] = [];
    findTextProblems(request.params, 'params', problems);
    findTextProblems(request.query, 'querystring', problems);
    findTextProblems(request.body, 'body', problems);
    if (problems.length === 0) return done();
    const message = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    done(new AppError(400, 'validation_failed', message, problems));
  });
}
