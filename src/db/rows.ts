/**
 * The rows of a raw `db.execute(sql…)` result, on both engines (PGlite and pg answer `{ rows }`).
 * @example const [row] = rowsOf<{ n: number }>(await db.execute(sql`SELECT 1 AS n`))
 */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
