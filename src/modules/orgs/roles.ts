import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgMembers, type OrgRole } from '../../db/schema/orgs.js';

/**
 * The person's role in an organization, or null when they are not a member.
 * @example await orgRoleOf(db, 'org_…', 'usr_…') // 'admin'
 */
export async function orgRoleOf(db: Executor, orgId: string, userId: string): Promise<OrgRole | null> {
  const [m] = await db
    .select({ role: orgMembers.role })
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)))
    .limit(1);
  return m?.role ?? null;
}

/**
 * Owners and admins manage an organization and its projects.
 * @example if (await canManageOrg(db, orgId, userId)) { … }
 */
export async function canManageOrg(db: Executor, orgId: string, userId: string): Promise<boolean> {
  const role = await orgRoleOf(db, orgId, userId);
  return role === 'owner' || role === 'admin';
}

/**
 * True, in SQL, when the person owns or administers the organization whose id is the SQL expression `orgId`
 * (as canManageOrg, for rules written in SQL by other modules).
 * @example sql`… OR ${managesOrgSql(sql`p.org_id`, userId)}`
 */
export function managesOrgSql(orgId: SQL, userId: string): SQL {
  return sql`EXISTS (SELECT 1 FROM org_members vs_m WHERE vs_m.org_id = ${orgId} AND vs_m.user_id = ${userId} AND vs_m.role IN ('owner', 'admin'))`;
}
