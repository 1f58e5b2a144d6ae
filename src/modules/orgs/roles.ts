import type { Executor } from '../../db/client.js';
import { type OrgRole, selectRole } from './queries.js';

/**
 * The person's role in an organization, or null when they are not a member.
 * @example await orgRoleOf(db, 'org_…', 'usr_…') // 'admin'
 */
export async function orgRoleOf(db: Executor, orgId: string, userId: string): Promise<OrgRole | null> {
  return (await selectRole(db, orgId, userId)) ?? null;
}

/**
 * Owners and admins manage an organization and its projects.
 * @example if (await canManageOrg(db, orgId, userId)) { … }
 */
export async function canManageOrg(db: Executor, orgId: string, userId: string): Promise<boolean> {
  const role = await orgRoleOf(db, orgId, userId);
  return role === 'owner' || role === 'admin';
}
