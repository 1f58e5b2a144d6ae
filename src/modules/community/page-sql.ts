// Pieces of the community module's paged reads, shared by its data files: the sort key as text (exact to the
// microsecond, so a cursor finds its place again) and the keyset condition of a "newest first" or "oldest first" page.
import { sql, type SQL } from 'drizzle-orm';
import type { CursorPosition } from '../../lib/cursor.js';

/**
 * A timestamp column as the text a cursor carries, e.g. `2026-03-01T10:00:00.123456Z`.
 * @example sql`SELECT ${timeKeySql('c.created_at')} AS created_key FROM comments c`
 */
export function timeKeySql(column: string): SQL {
  return sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);
}

/**
 * Rows after `pos` in a list sorted by `(createdAt, id)`, descending (`'desc'`) or ascending; TRUE without a cursor.
 * @example sql`… WHERE ${afterSql('c.created_at', 'c.id', pos, 'desc')} ORDER BY c.created_at DESC, c.id DESC`
 */
export function afterSql(createdAt: string, id: string, pos: CursorPosition | null, order: 'desc' | 'asc'): SQL {
  if (!pos) return sql`TRUE`;
  const [at, key] = [sql.raw(createdAt), sql.raw(id)];
  const cmp = sql.raw(order === 'desc' ? '<' : '>');
  return sql`(${at} ${cmp} ${pos.v}::timestamptz OR (${at} = ${pos.v}::timestamptz AND ${key} ${cmp} ${pos.id}))`;
}
