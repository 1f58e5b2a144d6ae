import { registerOrgRoleLookup } from '../audit/org-access.js';
import { orgRoleOf } from './roles.js';
import { findOrg } from './service.js';

// An organization's audit log is read by its owners and admins: audit asks orgs through this lookup.
registerOrgRoleLookup(async (db, idOrSlug, userId) => {
  const org = await findOrg(db, idOrSlug);
  return { orgId: org.id, role: await orgRoleOf(db, org.id, userId) };
});
