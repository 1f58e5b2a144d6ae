// What other modules may ask of a project inside their own statements (hot-path writers check, in the same
// statement, that the project is not hidden by moderation), without naming the projects table.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { isOperatorSql } from '../accounts/operator-sql.js';
import { managesOrgSql } from '../orgs/org-sql.js';
import type { ProjectGate } from '../subjects/registry.js';

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

/**
 * A project as a subject: rows `(project_id, draft)` of the project whose id is the SQL expression `id` (it
 * belongs to itself and is never a draft).
 */
export function projectSubjectSql(id: SQL): SQL {
  return sql`SELECT vs_p.id AS project_id, false AS draft FROM projects vs_p WHERE vs_p.id = ${id}`;
}

/**
 * The projects' visibility rule over rows `(project_id, draft)` in `scope`: true when none of them is a draft or a
 * hidden project the actor does not host. A role not given is read (an operator sees all).
 */
export const projectGateSql: ProjectGate = (scope, actor) => {
  const operator = actor && !actor.role ? sql` OR ${isOperatorSql(actor.userId)}` : sql``;
  const host = actor ? sql`(vs_pr.owner_id = ${actor.userId} OR ${managesOrgSql(sql`vs_pr.org_id`, actor.userId)}${operator})` : sql`FALSE`;
  return sql`NOT EXISTS (
    SELECT 1 FROM (${scope}) vs_s JOIN projects vs_pr ON vs_pr.id = vs_s.project_id
    WHERE (vs_s.draft OR vs_pr.hidden) AND NOT ${host})`;
};
