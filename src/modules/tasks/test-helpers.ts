// What the test files of this module share: one app per file, with its host, and raw reads of the database.
import type { SQL } from 'drizzle-orm';
import { afterAll } from 'vitest';
import { rowsOf } from '../../../test/support/sql.js';
import { closeTestDatabase, createTestApp, type TestApp, type TestUser } from '../../../test/support/test-app.js';

/**
 * Opens the app the tests of a file share, with a host signed up; closes it, and the file's database, after them.
 * Awaited at the top of the file, so the tests read `t` and `host` as constants.
 * @example const { t, host } = await openTestApp('Host');
 */
export async function openTestApp(hostName: string): Promise<{ t: TestApp; host: TestUser }> {
  const t = await createTestApp();
  afterAll(async () => {
    await t.close();
    await closeTestDatabase();
  });
  return { t, host: await t.signup(hostName) };
}

/**
 * The rows of a raw statement, read straight from the test app's database.
 * @example const [item] = await rowsIn<{ wanted: number }>(t, sql`SELECT wanted FROM task_items WHERE id = ${id}`)
 */
export async function rowsIn<T>(t: TestApp, query: SQL): Promise<T[]> {
  return rowsOf<T>(await t.ctx.db.execute(query));
}
