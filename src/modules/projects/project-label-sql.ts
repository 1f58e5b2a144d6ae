// How other modules name a project inside their own statements (a backer's list of pledges shows each project's
// title and link), without naming the projects table: correlated reads on the primary key, as cheap as a join.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/** A project id in a statement: a column, an expression, or a value. */
type ProjectRef = SQLWrapper | string;

/**
 * The project's slug (its address), null for no such project.
 * @example db.select({ slug: projectSlugSql(campaigns.projectId) }).from(campaigns)
 */
export function projectSlugSql(projectId: ProjectRef): SQL<string> {
  return sql<string>`(SELECT vs_p.slug FROM projects vs_p WHERE vs_p.id = ${projectId})`;
}

/** The project's title, null for no such project. */
export function projectTitleSql(projectId: ProjectRef): SQL<string> {
  return sql<string>`(SELECT vs_p.title FROM projects vs_p WHERE vs_p.id = ${projectId})`;
}
