import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';

/** A clock services read instead of `new Date()`, so tests can move time (deadlines, leases, grace periods). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What every route and service is handed: the database, the settings and the clock. */
export interface AppContext {
  database: Database;
  db: Db;
  config: Config;
  clock: Clock;
}
