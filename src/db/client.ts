import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { installStatementCache } from './statement-cache.js';

/** The Drizzle handle every service receives; the same type on PGlite and on PostgreSQL. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = PgDatabase<PgQueryResultHKT, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tx = PgTransaction<PgQueryResultHKT, any, any>;
/** A handle that can run queries: the database itself or an open transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs one SQL statement outside Drizzle (migrations, maintenance). */
  exec(sql: string): Promise<void>;
  /**
   * Runs one parameterized statement outside Drizzle and returns its rows (driver types: timestamps as Date).
   * For the hottest paths, where building the query through Drizzle costs more than running it. A `name` makes it
   * a prepared statement on PostgreSQL whatever its parameters (see statement-cache.ts); PGlite ignores it.
   */
  query<T = Record<string, unknown>>(text: string, values: unknown[], name?: string): Promise<T[]>;
  /**
   * Runs `work` in one transaction whose statements are written out as for `query` (committed when `work`
   * resolves, rolled back when it throws).
   * @example await database.transaction(async (query) => query('UPDATE t SET n = n + 1 WHERE id = $1', [id]))
   */
  transaction<R>(work: (query: QueryFn) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** One written-out statement in a transaction of `Database.transaction`. */
export type QueryFn = <T = Record<string, unknown>>(text: string, values: unknown[], name?: string) => Promise<T[]>;

export class DataDirLockedError extends Error {}

const LOCK_FILE = 'foule.lock';

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded data folder for this process. Two processes opening one PGlite folder corrupt it,
 * so a second opener is refused with a clear message; a lock left by a dead process is taken over.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && processAlive(holder)) {
        throw new DataDirLockedError(
          `The data folder ${path.resolve(dir)} is in use by another Foule process (pid ${holder}). ` +
            'Stop it first (the server migrates on start), or set DATABASE_URL to use a PostgreSQL server.',
        );
      }
      fs.unlinkSync(file); // stale lock from a process that died
    }
  }
  throw new DataDirLockedError(`Could not lock ${path.resolve(dir)}`);
}

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** A PGlite data dump to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob;
  poolSize?: number;
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite database in a locked folder. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    pool.on('error', () => {
      /* an idle client lost its connection; the pool replaces it */
    });
    installStatementCache(pool);
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      exec: async (sql) => {
        await pool.query(sql);
      },
      query: async <T>(text: string, values: unknown[], name?: string) =>
        (await pool.query(name ? { name, text, values } : { text, values })).rows as T[],
      transaction: async (work) => {
        const client = await pool.connect();
        const query: QueryFn = async <T>(text: string, values: unknown[], name?: string) =>
          (await client.query(name ? { name, text, values } : { text, values })).rows as T[];
        let broken: unknown;
        try {
          await client.query('BEGIN');
          const result = await work(query);
          await client.query('COMMIT');
          return result;
        } catch (e) {
          broken = await client.query('ROLLBACK').then(
            () => undefined,
            (rollbackError: unknown) => rollbackError,
          );
          throw e;
        } finally {
          // A connection whose rollback failed is in an unknown state: the pool drops it instead of reusing it.
          client.release(broken instanceof Error ? broken : undefined);
        }
      },
      close: () => pool.end(),
    };
  }
  const unlock = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create(opts.dataDir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  } catch (e) {
    unlock();
    throw e;
  }
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T>(text: string, values: unknown[]) => (await client.query<T>(text, values)).rows,
    transaction: (work) =>
      client.transaction((tx) => work(async <T>(text: string, values: unknown[]) => (await tx.query<T>(text, values)).rows)),
    close: async () => {
      await client.close();
      unlock();
    },
    // exposed for test templates
    ...({ pglite: client } as object),
  };
}
