/**
 * The PostgreSQL error code (SQLSTATE) of a failed query, looking through the wrappers Drizzle adds.
 * @example if (pgErrorCode(e) === '23505') throw conflict('slug_taken', '…')
 */
export function pgErrorCode(e: unknown): string | undefined {
  let current: unknown = e;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';
export const UNDEFINED_TABLE = '42P01';
export const UNDEFINED_COLUMN = '42703';
