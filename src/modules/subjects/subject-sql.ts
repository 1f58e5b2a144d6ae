// The SQL of the subjects registry: reading one subject, and the visibility rule of every list read in bulk,
// built from what the owners registered (registry.ts).
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { Actor } from '../../http/auth.js';
import { registeredProjectGate, SCOPE_ORDER, type SubjectRow, subjectResolver } from './registry.js';

export type { SQL };

/**
 * Reads one subject row `{ id, project_id?, draft? }` by a raw query (a helper for the owners' `find`).
 * @example subjectRowOf(db, sql`SELECT id, project_id, status = 'draft' AS draft FROM surveys WHERE id = ${id}`)
 */
export async function subjectRowOf(db: Executor, query: SQL): Promise<SubjectRow | null> {
  const [row] = rowsOf<{ id: string; project_id?: string | null; draft?: boolean | null }>(await db.execute(query));
  return row ? { id: row.id, projectId: row.project_id ?? null, draft: row.draft === true } : null;
}

/**
 * Where a subject `type:id` belongs, in SQL: rows `(project_id, draft)`; none for a subject of no project (a
 * site-wide question) or of a type that is not a project's content (a pledge, an assignment: a person's own).
 * `type` and `id` are SQL expressions, typically columns of the row being listed.
 */
function subjectScopeSql(type: SQL, id: SQL, comments = true): SQL {
  const branch = (name: string, query: SQL) => sql`SELECT * FROM (${query}) vs_b WHERE ${type} = ${name}`;
  const scopeOf = (t: SQL, i: SQL) => subjectScopeSql(t, i, false);
  const branches = SCOPE_ORDER.filter((t) => (comments || t !== 'comment') && subjectResolver(t)).map((t) =>
    branch(t, subjectResolver(t)!.visibleSql(id, scopeOf)),
  );
  return branches.length ? sql.join(branches, sql` UNION ALL `) : sql`SELECT NULL::text AS project_id, false AS draft WHERE false`;
}

/**
 * The visibility rule of every list read in bulk (feeds, notifications, their counts), in SQL: true when the
 * subject whose `type:id` is in `ref` may be shown to the actor, as resolveSubject decides for one subject. What
 * belongs to a draft is shown to its project's hosts only; what belongs to a project hidden by moderation, to its
 * hosts and operators only. It is evaluated when the list is read, so a draft's events appear once it is published.
 * @example sql`SELECT … FROM notifications n WHERE n.user_id = ${userId} AND ${subjectVisibleSql(sql`n.subject`, actor)}`
 */
export function subjectVisibleSql(
  ref: SQL,
  actor: (Pick<Actor, 'userId'> & { role?: Actor['role'] }) | null,
  opts: { isHost?: boolean } = {},
): SQL {
  // Why: operators see everything; the caller may already know that the actor hosts the only project in the list.
  if (actor?.role === 'operator' || opts.isHost) return sql`TRUE`;
  const projectGate = registeredProjectGate();
  if (!projectGate) throw new Error('subjectVisibleSql: the projects module has not registered its visibility rule');
  const type = sql`split_part(${ref}, ':', 1)`;
  const id = sql`substr(${ref}, strpos(${ref}, ':') + 1)`;
  return sql`(${ref} IS NULL OR ${projectGate(subjectScopeSql(type, id), actor)})`;
}
