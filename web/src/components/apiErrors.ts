// Turns an API error (`{error: {code, message, details}}`) into the message a person reads, in their language:
// `errors:code.<code>` for the error, `errors:issue.<zod code>` for each refused field of a validation_failed, with the
// server's own message whenever the translation is missing.
import i18n from 'i18next';
import { ApiError } from '../api';

/** One refused field of a 400 validation_failed (or the `field` a domain error names), as the API sends it. */
export interface FieldProblem {
  field?: string;
  message?: string;
  code?: string;
  [param: string]: unknown;
}

/** Params for a translation: arrays read "a, b". */
function params(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(source)) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The i18next context of a zod issue (see VALIDATION_ISSUE_CODES in src/lib/error-codes.ts). */
function issueContext(p: FieldProblem): string | undefined {
  if (p.code === 'invalid_type') return p.received === 'undefined' ? 'required' : (p.expected as string | undefined);
  if (p.code === 'too_small' || p.code === 'too_big') return p.inclusive === false ? 'exclusive' : (p.origin as string | undefined);
  if (p.code === 'invalid_format') return p.format as string | undefined;
  return undefined;
}

/** The translated message of one refused field (`errors:issue.<code>`), else the server's. */
export function problemMessage(p: FieldProblem): string {
  const fallback = p.message ?? '';
  if (!p.code) return fallback;
  // A length or a number of items agrees with its bound: "at least 1 character", "at least 3 characters".
  const bound = p.code === 'too_small' ? p.minimum : p.code === 'too_big' ? p.maximum : undefined;
  const count = typeof bound === 'number' ? { count: bound } : {};
  return i18n.t(`errors:issue.${p.code}`, { ...params(p), ...count, context: issueContext(p), defaultValue: fallback });
}

/** A field path as forms name it: `body.title` → `title`, `body.tiers.0.price` → `tiers`. */
export function formField(path: string | undefined): string {
  return (path ?? '').replace(/^(body|querystring|params)\./, '').split('.')[0] ?? '';
}

/** The problems an error names field by field. */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return [];
  if (Array.isArray(error.details)) return error.details as FieldProblem[];
  const d = error.details as FieldProblem;
  return typeof d.field === 'string' ? [{ ...d, message: apiErrorMessage(error) }] : [];
}

/**
 * The message a person should read for an error, in their language: the translation of its code (with the error's
 * details as params), or the API's own message when there is none.
 */
export function apiErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const server = error.message.replace(/\b(body|querystring|params)\./g, '');
  if (error.code === 'validation_failed' && Array.isArray(error.details) && error.details.length > 0) {
    return (error.details as FieldProblem[])
      .map((p) => `${(p.field ?? '').replace(/^(body|querystring|params)\./, '')}: ${problemMessage(p)}`)
      .join('; ');
  }
  const details =
    error.details && typeof error.details === 'object' && !Array.isArray(error.details) ? (error.details as Record<string, unknown>) : {};
  const context = typeof details.action === 'string' ? details.action : undefined;
  return i18n.t(`errors:code.${error.code}`, { ...params(details), context, defaultValue: server });
}

/**
 * The translated message for one field of a form (`title` matches `body.title` and `body.title.…`), or null.
 * @example <Field label="Title" error={fieldError(error, 'title')} … />
 */
export function fieldError(error: unknown, field: string): string | null {
  const hit = fieldProblems(error).find((p) => p.field === field || p.field === `body.${field}` || p.field?.startsWith(`body.${field}.`));
  return hit ? problemMessage(hit) : null;
}
