// Reading the database straight from a test: rows of a raw statement, or one number.
import type { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/rows.js';
import type { TestApp } from './test-app.js';

export { rowsOf };

/**
 * One number from SQL: the first column of the first row (0 when there is none).
 * @example expect(await scalar(t, sql`SELECT count(*) FROM pledges`)).toBe(1)
 */
export async function scalar(t: TestApp, query: ReturnType<typeof sql>): Promise<number> {
  const row = rowsOf<Record<string, unknown>>(await t.ctx.db.execute(query))[0];
  return Number(Object.values(row ?? { n: 0 })[0] ?? 0);
}
