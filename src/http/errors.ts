import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/**
 * The one error type a user can cause. Routes and services throw it; the handler below turns it
 * into `{ error: { code, message, details? } }` with its status.
 * @example throw new AppError(404, 'project_not_found', 'No project with this id.')
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string, code = `${what.replace(/\s+/g, '_')}_not_found`) =>
  new AppError(404, code, `No ${what} with this id.`);
export const forbidden = (message = 'You are not allowed to do this.') => new AppError(403, 'forbidden', message);
export const unauthorized = (message = 'Sign in first.') => new AppError(401, 'unauthenticated', message);
export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);

interface FieldProblem {
  field: string;
  message: string;
}

function describeValidation(error: FastifyError): FieldProblem[] {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const pathPart = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const params = v.params as { issue?: { path?: unknown[]; message?: string } } | undefined;
    const issuePath = params?.issue?.path?.join('.');
    const field = [context, issuePath || pathPart].filter(Boolean).join('.');
    return { field, message: params?.issue?.message ?? v.message ?? 'is invalid' };
  });
}

/** Installs the single error handler: every user error is a 4xx in the documented shape. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const details = describeValidation(error);
      const message = details.map((d) => `${d.field}: ${d.message}`).join('; ') || 'The request is invalid.';
      return reply.status(400).send({ error: { code: 'validation_failed', message, details } });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ error: { code: 'rate_limited', message: 'Too many requests: wait a moment and try again.' } });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = (error.code ?? 'bad_request').replace(/^FST_ERR_/, '').toLowerCase();
      return reply.status(error.statusCode).send({ error: { code, message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });
}
