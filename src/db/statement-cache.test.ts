import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { installStatementCache } from './statement-cache.js';

// Prepared statements are a property of PostgreSQL server connections: these tests run when the suite has one.
const pgUrl = inject('pgUrl');

describe.skipIf(!pgUrl)(installStatementCache.name, () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: pgUrl!, max: 1 });
    installStatementCache(pool, { after: 2, perConnection: 3 });
  });
  afterAll(() => pool.end());

  const prepared = async () =>
    (
      await pool.query<{ name: string; statement: string }>(
        "SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'fs_%' ORDER BY prepare_time",
      )
    ).rows;

  it('prepares a parameterized statement from its second use on, and reuses it', async () => {
    const text = 'SELECT $1::int + 1 AS n';
    expect((await pool.query(text, [1])).rows[0].n).toBe(2);
    expect(await prepared()).toEqual([]);
    expect((await pool.query({ text, values: [2] })).rows[0].n).toBe(3);
    expect((await pool.query(text, [3])).rows[0].n).toBe(4);
    const names = await prepared();
    expect(names).toHaveLength(1);
    expect(names[0]!.statement).toContain('$1::int + 1');
  });

  it('leaves statements without parameters alone (several statements in one string still run)', async () => {
    for (let i = 0; i < 3; i++) await pool.query('SELECT 1; SELECT 2');
    expect((await prepared()).some((p) => p.statement.includes('SELECT 2'))).toBe(false);
  });

  it('leaves statements with an array parameter alone (bulk statements get a plan for their arrays)', async () => {
    const text = 'SELECT count(*)::int AS n FROM unnest($1::int[]) x';
    for (let i = 0; i < 3; i++) expect((await pool.query(text, [[1, 2, 3]])).rows[0].n).toBe(3);
    expect((await prepared()).some((p) => p.statement.includes('unnest'))).toBe(false);
  });

  it('keeps at most perConnection statements on a connection; the rest run unnamed', async () => {
    for (let k = 0; k < 6; k++) {
      const text = `SELECT $1::int * ${k + 2} AS n`;
      for (let i = 0; i < 3; i++) expect((await pool.query(text, [i])).rows[0].n).toBe(i * (k + 2));
    }
    expect(await prepared()).toHaveLength(3);
  });
});
