// The keyset conditions of this module's pages (a position of time and id, from an opaque cursor), shared by its
// data files.
import { and, eq, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { CursorPosition } from '../../lib/cursor.js';

/**
 * Rows strictly after the cursor in newest-first order: older than its time, or as old with a smaller id.
 * @example .where(and(eq(taskBatches.projectId, id), olderThan(taskBatches.createdAt, taskBatches.id, after)))
 */
export function olderThan(at: PgColumn, id: PgColumn, after: CursorPosition): SQL {
  const time = new Date(String(after.v));
  return or(lt(at, time), and(eq(at, time), lt(id, after.id)))!;
}

/** Rows strictly after the cursor in oldest-first order: `(at, id) > (time, id)`. */
export function newerThan(at: PgColumn, id: PgColumn, after: CursorPosition): SQL {
  return sql`(${at}, ${id}) > (${new Date(String(after.v))}, ${after.id})`;
}
