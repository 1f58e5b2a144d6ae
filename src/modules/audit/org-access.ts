import type { Executor } from '../../db/client.js';
import { registeredFunction } from '../../lib/registered.js';

/**
 * Finds an organization by id or slug (404 when unknown) and the person's role in it. The orgs module registers
 * it: orgs records audit entries, so audit does not import orgs.
 */
export type OrgRoleLookup = (db: Executor, idOrSlug: string, userId: string) => Promise<{ orgId: string; role: string | null }>;

const lookup = registeredFunction<OrgRoleLookup>('audit: the orgs module has not registered its role lookup');

/** Registers how organizations and roles are found (once, by the orgs module). */
export const registerOrgRoleLookup = lookup.register;

/**
 * The organization and the person's role in it, through the registered lookup.
 * @example const { orgId, role } = await orgRoleFor(db, 'atelier-velo', 'usr_…')
 */
export function orgRoleFor(db: Executor, idOrSlug: string, userId: string): ReturnType<OrgRoleLookup> {
  return lookup.call(db, idOrSlug, userId);
}
