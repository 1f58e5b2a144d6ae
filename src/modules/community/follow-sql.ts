import { sql, type SQL } from 'drizzle-orm';

/**
 * The projects a person follows, with when: the statement projects' "following" list reads (registered in
 * project-hooks.ts, since projects may not import community).
 * @example sql`SELECT … FROM (${followsOfPersonSql(userId)}) f JOIN projects p ON p.id = f.project_id`
 */
export function followsOfPersonSql(userId: string): SQL {
  return sql`SELECT project_id, created_at FROM project_follows WHERE user_id = ${userId}`;
}
