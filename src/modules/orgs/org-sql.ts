// What other modules may say about organizations inside their own statements, without naming the orgs tables:
// SQL fragments the orgs module owns (correlated reads on a primary key, as cheap as the joins they replace).
import { sql, type SQL } from 'drizzle-orm';

/**
 * True, in SQL, when the person owns or administers the organization whose id is the SQL expression `orgId`
 * (as canManageOrg, for rules written in SQL by other modules).
 * @example sql`… OR ${managesOrgSql(sql`p.org_id`, userId)}`
 */
export function managesOrgSql(orgId: SQL, userId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM org_members vs_m WHERE vs_m.org_id = ${orgId} AND vs_m.user_id = ${userId} AND vs_m.role IN ('owner', 'admin'))`;
}

/**
 * The ids of the organizations the person owns or administers, as a subquery.
 * @example sql`p.org_id IN (${managedOrgIdsSql(userId)})`
 */
export function managedOrgIdsSql(userId: string): SQL {
  return sql`SELECT vs_m.org_id FROM org_members vs_m WHERE vs_m.user_id = ${userId} AND vs_m.role IN ('owner', 'admin')`;
}

/**
 * The organization whose id is the SQL expression `orgId`, as a derived table `(id, slug, name)` to join laterally
 * (no row for no organization); the planner makes it the plain join it stands for.
 * @example sql`FROM projects p LEFT JOIN LATERAL ${orgRowSql(sql`p.org_id`)} o ON TRUE`
 */
export function orgRowSql(orgId: SQL): SQL {
  return sql`(SELECT vs_o.id, vs_o.slug, vs_o.name FROM orgs vs_o WHERE vs_o.id = ${orgId})`;
}
