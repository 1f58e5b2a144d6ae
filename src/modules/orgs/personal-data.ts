// The organizations module's share of a personal-data export and of an erasure.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgMembers, orgs } from '../../db/schema/orgs.js';

/**
 * The organizations a person belongs to, with their role and when they joined.
 * @example await exportPersonalData(db, userId) // { organizations: [{ id, slug, name, role, joinedAt }] }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const rows = await db
    .select({ id: orgs.id, slug: orgs.slug, name: orgs.name, role: orgMembers.role, joinedAt: orgMembers.createdAt })
    .from(orgMembers)
    .innerJoin(orgs, eq(orgs.id, orgMembers.orgId))
    .where(eq(orgMembers.userId, userId))
    .orderBy(asc(orgs.name), asc(orgs.id));
  return { organizations: rows };
}

/**
 * The organizations of which this person is the only owner (an organization always keeps one). With `lock`, in
 * the caller's transaction, the person's organizations are locked first, in id order, as role changes lock them,
 * so nobody steps down or leaves meanwhile.
 * @example await orgsOwnedAlone(tx, userId, true) // [{ id: 'org_…', slug: 'atelier', name: 'Atelier' }]
 */
export async function orgsOwnedAlone(db: Executor, userId: string, lock = false): Promise<{ id: string; slug: string; name: string }[]> {
  const mine = db.select({ orgId: orgMembers.orgId }).from(orgMembers).where(eq(orgMembers.userId, userId));
  if (lock) await db.select({ id: orgs.id }).from(orgs).where(inArray(orgs.id, mine)).orderBy(asc(orgs.id)).for('update');
  return db
    .select({ id: orgs.id, slug: orgs.slug, name: orgs.name })
    .from(orgs)
    .innerJoin(orgMembers, and(eq(orgMembers.orgId, orgs.id), eq(orgMembers.userId, userId), eq(orgMembers.role, 'owner')))
    .where(sql`NOT EXISTS (SELECT 1 FROM org_members x WHERE x.org_id = ${orgs.id} AND x.role = 'owner' AND x.user_id <> ${userId})`)
    .orderBy(asc(orgs.name), asc(orgs.id));
}

/** Ends every membership of an erased person (after `orgsOwnedAlone` found none they own alone). */
export async function erasePersonalData(tx: Executor, userId: string): Promise<void> {
  await tx.delete(orgMembers).where(eq(orgMembers.userId, userId));
}
