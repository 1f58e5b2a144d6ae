// Select lists and selects that many modules' data files write the same way.
import { type AnyColumn, asc, eq, getTableColumns, type Table } from 'drizzle-orm';
import type { PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Executor } from './client.js';

/**
 * Some columns of a table, in the order named, as a select list: the same as writing `{ id: t.id, … }` out.
 * @example db.select(pick(answers, ['id', 'body', 'createdAt'])).from(answers)
 */
export function pick<T extends Table, K extends keyof T['_']['columns'] & string>(
  table: T,
  keys: readonly K[],
): Pick<T['_']['columns'], K> {
  const all = getTableColumns(table);
  return Object.fromEntries(keys.map((k) => [k, all[k]])) as Pick<T['_']['columns'], K>;
}

/**
 * Every row of one person in a table, oldest first (by its `created_at`), as their personal-data export reads it:
 * `SELECT <fields> FROM <table> WHERE <person> = $1 ORDER BY created_at`.
 * @example selectRowsOfPerson(db, answers, answers.authorId, userId, pick(answers, ['id', 'body', 'createdAt']))
 */
export async function selectRowsOfPerson<F extends SelectedFields>(
  db: Executor,
  table: PgTable & { createdAt: AnyColumn },
  person: AnyColumn,
  userId: string,
  fields: F,
): Promise<SelectResultFields<F>[]> {
  // drizzle leaves a generic select list's rows unresolved in here; callers see the exact row type of their fields
  const rows: unknown = await db.select(fields).from(table).where(eq(person, userId)).orderBy(asc(table.createdAt));
  return rows as SelectResultFields<F>[];
}
