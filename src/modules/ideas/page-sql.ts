// Keyset paging of this module's lists, sorted by one value then by id, both descending.
import { and, eq, lt, or, type Column, type SQL } from 'drizzle-orm';

/**
 * The rows after a position in a list sorted by `sort` then `id`, both descending (none before the first page).
 * @example .where(and(filters, after(ideas.createdAt, ideas.id, position))).orderBy(desc(ideas.createdAt), desc(ideas.id))
 */
export function after<V>(sort: Column | SQL<V>, id: Column, position: { v: V; id: string } | null): SQL | undefined {
  if (!position) return undefined;
  // One overload each for a column and an expression; at run time both bind the value the same way.
  const by = sort as SQL<V>;
  return or(lt(by, position.v), and(eq(by, position.v), lt(id, position.id)));
}
