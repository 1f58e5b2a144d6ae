import path from 'node:path';
import type { Config } from './config.js';
import { systemClock, type AppContext, type Clock } from './context.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';

/** Opens the configured database (PostgreSQL or the locked embedded folder) and migrates it. */
export async function openContext(config: Config, clock: Clock = systemClock): Promise<AppContext> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATABASE_URL ? undefined : path.resolve(config.FOULE_DATA_DIR),
  });
  try {
    await migrate(database);
  } catch (e) {
    await database.close();
    throw e;
  }
  return { database, db: database.db, config, clock };
}
