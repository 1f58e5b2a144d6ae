// What other modules may ask of a project inside their own statements (hot-path writers check, in the same
// statement, that the project is not hidden by moderation), without naming the projects table.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** A project id in a statement: a column, an expression, or a value. */
type ProjectRef = SQLWrapper | string;

/**
 * True when moderation hid the project (null for no such project).
 * @example sql`… AND NOT ${projectHiddenSql(campaigns.projectId)}`
 */
export function projectHiddenSql(projectId: ProjectRef): SQL<boolean | null> {
  return sql<boolean | null>`(SELECT vs_p.hidden FROM projects vs_p WHERE vs_p.id = ${projectId})`;
}

/**
 * The same, as text for statements written for the raw driver (`$1` parameters); `projectIdExpr` is an expression
 * of that statement such as `b.project_id`, never a value from outside.
 * @example `… AND NOT ${projectHiddenText('b.project_id')}`
 */
export function projectHiddenText(projectIdExpr: string): string {
  return `(SELECT vs_p.hidden FROM projects vs_p WHERE vs_p.id = ${projectIdExpr})`;
}

/** The organization that hosts the project (null for a person's project). */
export function projectOrgIdSql(projectId: ProjectRef): SQL<string | null> {
  return sql<string | null>`(SELECT vs_p.org_id FROM projects vs_p WHERE vs_p.id = ${projectId})`;
}

/** The person who owns the project. */
export function projectOwnerIdSql(projectId: ProjectRef): SQL<string | null> {
  return sql<string | null>`(SELECT vs_p.owner_id FROM projects vs_p WHERE vs_p.id = ${projectId})`;
}
