// What the test files of this module share: raw reads of the database.
import type { SQL } from 'drizzle-orm';
import { rowsOf } from '../../../test/support/sql.js';
import type { TestApp } from '../../../test/support/test-app.js';

/**
 * The rows of a raw statement, read straight from the test app's database.
 * @example const [item] = await rowsIn<{ wanted: number }>(t, sql`SELECT wanted FROM task_items WHERE id = ${id}`)
 */
export async function rowsIn<T>(t: TestApp, query: SQL): Promise<T[]> {
  return rowsOf<T>(await t.ctx.db.execute(query));
}
