import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * Applies every migration file not yet applied, in file-name order, each in its own transaction.
 * Files are plain SQL; statements are separated by `--> statement-breakpoint` because a multi-statement
 * string fails through Drizzle on PGlite. An advisory lock keeps two servers from migrating at once.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { db } = database;
  const { sql } = await import('drizzle-orm');
  await database.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(727272)`);
    const done = await tx.execute(sql`SELECT name FROM schema_migrations`);
    const names = new Set(((done as unknown as { rows: unknown[] }).rows as { name: string }[]).map((r) => r.name));
    for (const file of files) {
      if (names.has(file)) continue;
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const statement of text.split('--> statement-breakpoint')) {
        if (statement.replace(/--.*$/gm, '').trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(sql`INSERT INTO schema_migrations (name) VALUES (${file})`);
      applied.push(file);
    }
  });
  return applied;
}
