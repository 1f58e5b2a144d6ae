import { and, eq } from 'drizzle-orm';
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
