// What the audit log reads of other modules inside its own statements: the acting person's name, a project's
// organization. The owners register their fragments here (accounts and projects record audit entries, so audit
// imports neither).
import type { SQL } from 'drizzle-orm';

export interface AuditLookups {
  /** The display name of the person whose id is the SQL expression `userId` (null for nobody). */
  personNameSql(userId: SQL): SQL;
  /** The organization of the project `projectId` (null for a person's project). */
  projectOrgIdSql(projectId: string): SQL;
}

const lookups: Partial<AuditLookups> = {};

/** Registers one or both fragments (once each, by the owning modules). */
export function registerAuditLookups(given: Partial<AuditLookups>): void {
  Object.assign(lookups, given);
}

function registered<K extends keyof AuditLookups>(name: K): AuditLookups[K] {
  const fn = lookups[name];
  if (!fn) throw new Error(`audit: ${name} has not been registered by its module`);
  return fn;
}

/** The acting person's name, through the fragment accounts registered. */
export const actorNameSql = (userId: SQL): SQL => registered('personNameSql')(userId);

/** The project's organization, through the fragment projects registered. */
export const projectOrgSql = (projectId: string): SQL => registered('projectOrgIdSql')(projectId);
