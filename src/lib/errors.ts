import { ERROR_CODES, type CodeOfKind, type ErrorCode, type ErrorKind } from './error-codes.js';

export type { CodeOfKind, ErrorCode, ErrorKind } from './error-codes.js';

/**
 * The one error a use case throws when it refuses: a stable `code` from the catalogue (error-codes.ts), its kind
 * (taken from the catalogue, so a code always has the same kind), a message a person understands, and the params
 * a translation needs in `details`. It knows no HTTP status: the API edge maps the kind to one.
 * @example throw new DomainError('survey_closed', 'This survey is closed.')
 */
export class DomainError extends Error {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
    const entry = ERROR_CODES[code] as (typeof ERROR_CODES)[ErrorCode] | undefined;
    if (!entry) throw new TypeError(`${code} is not in the error catalogue (lib/error-codes.ts)`);
    this.kind = entry.kind;
  }
}

/**
 * Whether `e` is a DomainError of this kind.
 * @example catch (e) { throw isKind(e, 'not_found') ? ideaNotFound() : e }
 */
export function isKind(e: unknown, kind: ErrorKind): e is DomainError {
  return e instanceof DomainError && e.kind === kind;
}

/** `task batch` → `task_batch`, as notFound() builds a code from what was not found. */
type Underscored<S extends string> = S extends `${infer A} ${infer B}` ? `${A}_${Underscored<B>}` : S;
type NotFoundCode = CodeOfKind<'not_found'>;

/**
 * No such thing (or none this person may know about). The code is `<what>_not_found` unless given; either way it
 * must be in the catalogue.
 * @example throw notFound('campaign') // campaign_not_found, 'No campaign with this id.'
 * @example throw notFound('task batch', 'batch_not_found')
 */
export function notFound<W extends string>(
  what: W,
  ...code: `${Underscored<W>}_not_found` extends NotFoundCode ? [code?: NotFoundCode] : [code: NotFoundCode]
): DomainError {
  const chosen = code[0] ?? (`${what.replace(/\s+/g, '_')}_not_found` as NotFoundCode);
  return new DomainError(chosen, `No ${what} with this id.`);
}

/**
 * Signed in, but not allowed.
 * @example throw forbidden('Only the hosts of this project can do this.')
 */
export const forbidden = (message = 'You are not allowed to do this.', details?: unknown) => new DomainError('forbidden', message, details);

/**
 * Nobody is signed in.
 * @example if (!actor) throw unauthenticated('Sign in to answer this survey.')
 */
export const unauthenticated = (message = 'Sign in first.') => new DomainError('unauthenticated', message);

/**
 * The request is wrong in a way a schema cannot tell.
 * @example throw invalid('deadline_in_past', 'The deadline must be in the future.', { field: 'body.deadline' })
 */
export const invalid = (code: CodeOfKind<'invalid'>, message: string, details?: unknown) => new DomainError(code, message, details);

/**
 * The thing is not in a state that allows this now.
 * @example throw conflict('campaign_closed', 'This campaign has ended: it takes no more pledges.')
 */
export const conflict = (code: CodeOfKind<'conflict'>, message: string, details?: unknown) => new DomainError(code, message, details);
