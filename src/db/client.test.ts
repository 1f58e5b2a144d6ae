import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from './client.js';

// Database.transaction on both engines: the embedded database always, PostgreSQL when the suite has one.
const pgUrl = inject('pgUrl');
const engines = [{ name: 'pglite', url: undefined }, ...(pgUrl ? [{ name: 'postgres', url: pgUrl }] : [])];

describe.each(engines)('Database.transaction on $name', ({ url }) => {
  let database: Database;
  const table = `tx_check_${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    database = await openDatabase({ databaseUrl: url, poolSize: 2 });
    await database.exec(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL)`);
  });
  afterAll(async () => {
    await database.exec(`DROP TABLE IF EXISTS ${table}`);
    await database.close();
  });
  const count = async () => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE id > $1`, [0]))[0]!.n;

  it('commits what the work wrote and returns its result', async () => {
    const result = await database.transaction(async (query) => {
      await query(`INSERT INTO ${table} (id, n) VALUES ($1, $2)`, [1, 10], 'tx_check_insert');
      return query<{ n: number }>(`SELECT n FROM ${table} WHERE id = $1`, [1]);
    });
    expect(result).toEqual([{ n: 10 }]);
    expect(await count()).toBe(1);
  });

  it('rolls back everything when the work throws, and passes the error on', async () => {
    await expect(
      database.transaction(async (query) => {
        await query(`INSERT INTO ${table} (id, n) VALUES ($1, $2)`, [2, 20]);
        await query(`INSERT INTO ${table} (id, n) VALUES ($1, $2)`, [1, 30]); // duplicate key
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await count()).toBe(1);
    // The connection went back to the pool usable.
    await database.transaction((query) => query(`UPDATE ${table} SET n = n + 1 WHERE id = $1`, [1]));
    expect(await database.query(`SELECT n FROM ${table} WHERE id = $1`, [1])).toEqual([{ n: 11 }]);
  });
});
