// Every statement on the orgs and org_members tables.
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { orgMembers, orgs, type OrgRole } from '../../db/schema/orgs.js';
import { personNameSql } from '../accounts/people-sql.js';

export type { OrgRole };
export type Org = typeof orgs.$inferSelect;

/** An organization by id or slug. */
export async function selectOrgByIdOrSlug(db: Executor, idOrSlug: string): Promise<Org | undefined> {
  const [org] = await db
    .select()
    .from(orgs)
    .where(or(eq(orgs.id, idOrSlug), eq(orgs.slug, idOrSlug)))
    .limit(1);
  return org;
}

/** An organization's id, slug and name. */
export async function selectOrgSummary(db: Executor, id: string): Promise<{ id: string; slug: string; name: string } | undefined> {
  const [org] = await db.select({ id: orgs.id, slug: orgs.slug, name: orgs.name }).from(orgs).where(eq(orgs.id, id)).limit(1);
  return org;
}

export async function insertOrg(tx: Executor, row: typeof orgs.$inferInsert): Promise<Org> {
  const [org] = await tx.insert(orgs).values(row).returning();
  return org!;
}

export async function updateOrgRow(tx: Executor, id: string, patch: Partial<Pick<Org, 'name' | 'description' | 'website'>>) {
  await tx.update(orgs).set(patch).where(eq(orgs.id, id));
}

/** Locks the organization's row in the caller's transaction (membership changes take it first). */
export async function lockOrg(tx: Executor, orgId: string): Promise<void> {
  await tx.execute(sql`SELECT id FROM orgs WHERE id = ${orgId} FOR UPDATE`);
}

/** Adds a member unless they already are one; returns whether they were added. */
export async function insertMember(tx: Executor, row: typeof orgMembers.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(orgMembers).values(row).onConflictDoNothing().returning({ userId: orgMembers.userId });
  return inserted.length > 0;
}

/** The organization's members with their names, owners first, then admins, then members, by date joined. */
export function selectMembersOf(db: Executor, orgId: string) {
  return db
    .select({
      userId: orgMembers.userId,
      name: sql<string>`${personNameSql(orgMembers.userId)}`,
      role: orgMembers.role,
      joinedAt: orgMembers.createdAt,
    })
    .from(orgMembers)
    .where(eq(orgMembers.orgId, orgId))
    .orderBy(
      sql`CASE ${orgMembers.role} WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END`,
      asc(orgMembers.createdAt),
      asc(orgMembers.userId),
    );
}

/** One member: role, name and date joined. */
export async function selectMember(db: Executor, orgId: string, userId: string) {
  const [member] = await db
    .select({ role: orgMembers.role, name: sql<string>`${personNameSql(orgMembers.userId)}`, joinedAt: orgMembers.createdAt })
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)))
    .limit(1);
  return member;
}

/** The person's role in the organization, or undefined. */
export async function selectRole(db: Executor, orgId: string, userId: string): Promise<OrgRole | undefined> {
  const [m] = await db
    .select({ role: orgMembers.role })
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)))
    .limit(1);
  return m?.role;
}

export async function countOwners(tx: Executor, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.role, 'owner')));
  return row?.n ?? 0;
}

export async function updateMemberRole(tx: Executor, orgId: string, userId: string, role: OrgRole): Promise<void> {
  await tx
    .update(orgMembers)
    .set({ role })
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
}

export async function deleteMember(tx: Executor, orgId: string, userId: string): Promise<void> {
  await tx.delete(orgMembers).where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
}

export async function deleteMembershipsOf(tx: Executor, userId: string): Promise<void> {
  await tx.delete(orgMembers).where(eq(orgMembers.userId, userId));
}

/** The organizations a person belongs to, by name: their role and when they joined. */
export function selectOrgsOf(db: Executor, userId: string) {
  return db
    .select({ id: orgs.id, slug: orgs.slug, name: orgs.name, role: orgMembers.role, joinedAt: orgMembers.createdAt })
    .from(orgMembers)
    .innerJoin(orgs, eq(orgs.id, orgMembers.orgId))
    .where(eq(orgMembers.userId, userId))
    .orderBy(asc(orgs.name), asc(orgs.id));
}

/** Locks, in id order, the organizations a person belongs to (as role changes lock them). */
export async function lockOrgsOf(tx: Executor, userId: string): Promise<void> {
  const mine = tx.select({ orgId: orgMembers.orgId }).from(orgMembers).where(eq(orgMembers.userId, userId));
  await tx.select({ id: orgs.id }).from(orgs).where(inArray(orgs.id, mine)).orderBy(asc(orgs.id)).for('update');
}

/** The organizations of which this person is the only owner, by name. */
export function selectOrgsOwnedAlone(db: Executor, userId: string): Promise<{ id: string; slug: string; name: string }[]> {
  return db
    .select({ id: orgs.id, slug: orgs.slug, name: orgs.name })
    .from(orgs)
    .innerJoin(orgMembers, and(eq(orgMembers.orgId, orgs.id), eq(orgMembers.userId, userId), eq(orgMembers.role, 'owner')))
    .where(sql`NOT EXISTS (SELECT 1 FROM org_members x WHERE x.org_id = ${orgs.id} AND x.role = 'owner' AND x.user_id <> ${userId})`)
    .orderBy(asc(orgs.name), asc(orgs.id));
}
