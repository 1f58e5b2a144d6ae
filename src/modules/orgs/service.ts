import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { users } from '../../db/schema/accounts.js';
import { orgMembers, orgs, type OrgRole } from '../../db/schema/orgs.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { newId, randomToken } from '../../lib/ids.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { slugify } from '../../lib/slug.js';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../db/errors.js';
import { notify } from '../notifications/service.js';
import { orgProjects } from './org-projects.js';
import { canManageOrg, orgRoleOf } from './roles.js';
import { recordAudit, type AuditFrom } from '../audit/record-audit.js';

export { canManageOrg, orgRoleOf };
export type Org = typeof orgs.$inferSelect;

export interface CreateOrgInput {
  name: string;
  description?: string;
  website?: string;
}

/** How many projects an organization's page lists; GET /projects?orgId= pages through the rest. */
export const ORG_PAGE_PROJECTS = 50;

/**
 * An organization by id or slug, or a 404.
 * @example const org = await findOrg(db, 'atelier-velo')
 */
export async function findOrg(db: Executor, idOrSlug: string): Promise<Org> {
  const [org] = await db
    .select()
    .from(orgs)
    .where(or(eq(orgs.id, idOrSlug), eq(orgs.slug, idOrSlug)))
    .limit(1);
  if (!org) throw notFound('organization', 'org_not_found');
  return org;
}

function slugBase(name: string): string {
  const s = slugify(name);
  return s === 'project' && !/project/i.test(name) ? 'org' : s;
}

/**
 * Creates an organization; its creator is its first owner.
 * @example await createOrg(ctx, actor, { name: 'Atelier Vélo' })
 */
export async function createOrg(ctx: AppContext, actor: Actor, input: CreateOrgInput, from?: AuditFrom): Promise<Org> {
  const base = slugBase(input.name);
  for (let attempt = 0; ; attempt++) {
    const slug =
      attempt === 0
        ? base
        : `${base}-${randomToken(4)
            .toLowerCase()
            .replace(/[^a-z0-9]/g, 'x')
            .slice(0, 5)}`;
    try {
      return await ctx.db.transaction(async (tx) => {
        const id = newId('org');
        const [org] = await tx
          .insert(orgs)
          .values({
            id,
            slug,
            name: input.name,
            description: input.description ?? '',
            website: input.website ?? null,
            createdAt: ctx.clock.now(),
          })
          .returning();
        await tx.insert(orgMembers).values({ orgId: id, userId: actor.userId, role: 'owner', createdAt: ctx.clock.now() });
        await recordAudit(
          tx,
          {
            action: 'org.create',
            targetType: 'org',
            targetId: id,
            orgId: id,
            summary: `Created ${slug}, as its first owner`,
            at: ctx.clock.now(),
          },
          from ?? actor,
        );
        return org!;
      });
    } catch (e) {
      // A taken slug: try again with a random suffix (a few times, then give up loudly).
      if (pgErrorCode(e) !== UNIQUE_VIOLATION || attempt >= 4) throw e;
    }
  }
}

/**
 * The organization's public page: who is in it with which role, its visible projects, and the viewer's role.
 * @example await orgView(ctx, 'org_…', actor) // { id, name, members: [{ userId, name, role }], projects: [...] }
 */
export async function orgView(ctx: AppContext, idOrSlug: string, actor: Actor | null) {
  const org = await findOrg(ctx.db, idOrSlug);
  const members = await ctx.db
    .select({ userId: orgMembers.userId, name: users.name, role: orgMembers.role, joinedAt: orgMembers.createdAt })
    .from(orgMembers)
    .innerJoin(users, eq(users.id, orgMembers.userId))
    .where(eq(orgMembers.orgId, org.id))
    .orderBy(
      sql`CASE ${orgMembers.role} WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END`,
      asc(orgMembers.createdAt),
      asc(orgMembers.userId),
    );
  const projects = await orgProjects(ctx.db, org.id, ORG_PAGE_PROJECTS);
  const viewerRole = actor ? (members.find((m) => m.userId === actor.userId)?.role ?? null) : null;
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    description: org.description,
    descriptionHtml: renderMarkdown(org.description),
    website: org.website,
    createdAt: org.createdAt.toISOString(),
    members: members.map((m) => ({ userId: m.userId, name: m.name, role: m.role, joinedAt: m.joinedAt.toISOString() })),
    projects: projects.items,
    moreProjects: projects.nextCursor !== null,
    viewer: { role: viewerRole },
  };
}

/**
 * Edits an organization's name, description or website (owners and admins).
 * @example await updateOrg(ctx, actor, orgId, { description: 'We fix bikes.' })
 */
export async function updateOrg(
  ctx: AppContext,
  actor: Actor,
  idOrSlug: string,
  patch: { name?: string; description?: string; website?: string | null },
  from?: AuditFrom,
) {
  const org = await findOrg(ctx.db, idOrSlug);
  // Why: an organization speaks for its members; only its owners and admins may change what it says.
  if (!(await canManageOrg(ctx.db, org.id, actor.userId))) throw forbidden('Only an owner or admin of this organization can edit it.');
  await ctx.db.transaction(async (tx) => {
    await tx.update(orgs).set(patch).where(eq(orgs.id, org.id));
    const fields = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
    await recordAudit(
      tx,
      {
        action: 'org.update',
        targetType: 'org',
        targetId: org.id,
        orgId: org.id,
        summary: `Edited ${org.slug}: ${fields.join(', ') || 'nothing'}`,
        data: { fields },
        at: ctx.clock.now(),
      },
      from ?? actor,
    );
  });
  return org.id;
}

export interface AddMemberInput {
  userId?: string;
  email?: string;
  role: OrgRole;
}

async function lockOrg(tx: Executor, orgId: string) {
  await tx.execute(sql`SELECT id FROM orgs WHERE id = ${orgId} FOR UPDATE`);
}

async function ownersCount(tx: Executor, orgId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(orgMembers)
    .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.role, 'owner')));
  return row?.n ?? 0;
}

/**
 * Adds a person (by id or account e-mail) to an organization. Owners and admins add members;
 * only owners grant the owner or admin role. The new member is notified.
 * @example await addMember(ctx, actor, orgId, { email: 'bob@example.org', role: 'member' })
 */
export async function addMember(ctx: AppContext, actor: Actor, idOrSlug: string, input: AddMemberInput, from?: AuditFrom) {
  const org = await findOrg(ctx.db, idOrSlug);
  const actorRole = await orgRoleOf(ctx.db, org.id, actor.userId);
  // Why: membership lets people open projects in the organization's name; only its owners and admins decide it.
  if (actorRole !== 'owner' && actorRole !== 'admin') throw forbidden('Only an owner or admin of this organization can add members.');
  // Why: owners and admins control the organization; only an owner may hand that power on.
  if (input.role !== 'member' && actorRole !== 'owner') throw forbidden('Only an owner can make someone an owner or admin.');

  const [person] = input.userId
    ? await ctx.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, input.userId)).limit(1)
    : await ctx.db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(eq(sql`lower(${users.email})`, input.email!.toLowerCase()))
        .limit(1);
  if (!person) {
    throw new DomainError(
      'user_not_found',
      input.userId ? 'No person with this id.' : 'No account uses this e-mail address: ask them to sign up first.',
      {
        field: input.userId ? 'body.userId' : 'body.email',
      },
    );
  }
  const [actorUser] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)).limit(1);
  const joinedAt = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(orgMembers)
      .values({ orgId: org.id, userId: person.id, role: input.role, createdAt: joinedAt })
      .onConflictDoNothing()
      .returning({ userId: orgMembers.userId });
    if (!inserted.length)
      throw conflict('already_member', `${person.name} is already a member of ${org.name}.`, {
        field: input.userId ? 'body.userId' : 'body.email',
      });
    await recordAudit(
      tx,
      {
        action: 'org.member_add',
        targetType: 'user',
        targetId: person.id,
        orgId: org.id,
        summary: `Added ${person.id} to ${org.slug} as ${input.role}`,
        data: { role: input.role, by: input.userId ? 'id' : 'email' },
        at: joinedAt,
      },
      from ?? actor,
    );
    await notify(tx, {
      userIds: [person.id],
      kind: 'org_member_added',
      subject: `org:${org.id}`,
      data: { orgId: org.id, orgSlug: org.slug, orgName: org.name, role: input.role, byName: actorUser?.name ?? '' },
    });
  });
  return { userId: person.id, name: person.name, role: input.role, joinedAt: joinedAt.toISOString() };
}

/**
 * Changes a member's role (owners only; the last owner cannot step down).
 * @example await changeMemberRole(ctx, actor, orgId, userId, 'admin')
 */
export async function changeMemberRole(ctx: AppContext, actor: Actor, idOrSlug: string, userId: string, role: OrgRole, from?: AuditFrom) {
  const org = await findOrg(ctx.db, idOrSlug);
  return ctx.db.transaction(async (tx) => {
    await lockOrg(tx, org.id);
    // Why: roles decide who controls the organization; only its owners change them.
    if ((await orgRoleOf(tx, org.id, actor.userId)) !== 'owner') throw forbidden('Only an owner of this organization can change roles.');
    const [member] = await tx
      .select({ role: orgMembers.role, name: users.name, joinedAt: orgMembers.createdAt })
      .from(orgMembers)
      .innerJoin(users, eq(users.id, orgMembers.userId))
      .where(and(eq(orgMembers.orgId, org.id), eq(orgMembers.userId, userId)))
      .limit(1);
    if (!member) throw notFound('member of this organization', 'member_not_found');
    if (member.role === 'owner' && role !== 'owner' && (await ownersCount(tx, org.id)) <= 1) {
      throw conflict('last_owner', 'An organization keeps at least one owner: make someone else owner first.');
    }
    await tx
      .update(orgMembers)
      .set({ role })
      .where(and(eq(orgMembers.orgId, org.id), eq(orgMembers.userId, userId)));
    if (member.role !== role) {
      await recordAudit(
        tx,
        {
          action: 'org.member_role_change',
          targetType: 'user',
          targetId: userId,
          orgId: org.id,
          summary: `Changed the role of ${userId} in ${org.slug} from ${member.role} to ${role}`,
          data: { from: member.role, to: role },
          at: ctx.clock.now(),
        },
        from ?? actor,
      );
    }
    return { userId, name: member.name, role, joinedAt: member.joinedAt.toISOString() };
  });
}

/**
 * Removes a member: owners remove anyone, admins remove plain members, anyone may leave; the last owner stays.
 * @example await removeMember(ctx, actor, orgId, userId)
 */
export async function removeMember(ctx: AppContext, actor: Actor, idOrSlug: string, userId: string, from?: AuditFrom) {
  const org = await findOrg(ctx.db, idOrSlug);
  await ctx.db.transaction(async (tx) => {
    await lockOrg(tx, org.id);
    const actorRole = await orgRoleOf(tx, org.id, actor.userId);
    const targetRole = await orgRoleOf(tx, org.id, userId);
    // Why: a stranger learns nothing of who is in an organization beyond its public page, and cannot remove anyone.
    if (!actorRole) throw forbidden('Only members of this organization can change its members.');
    if (!targetRole) throw notFound('member of this organization', 'member_not_found');
    const self = userId === actor.userId;
    // Why: owners may remove anyone, admins only plain members, and everyone may leave on their own.
    if (!self && !(actorRole === 'owner' || (actorRole === 'admin' && targetRole === 'member'))) {
      throw forbidden('Only an owner can remove an owner or admin; admins remove members.');
    }
    if (targetRole === 'owner' && (await ownersCount(tx, org.id)) <= 1) {
      throw conflict('last_owner', 'An organization keeps at least one owner: make someone else owner first.');
    }
    await tx.delete(orgMembers).where(and(eq(orgMembers.orgId, org.id), eq(orgMembers.userId, userId)));
    await recordAudit(
      tx,
      {
        action: self ? 'org.member_leave' : 'org.member_remove',
        targetType: 'user',
        targetId: userId,
        orgId: org.id,
        summary: self ? `Left ${org.slug} (was ${targetRole})` : `Removed ${userId} (${targetRole}) from ${org.slug}`,
        data: { role: targetRole },
        at: ctx.clock.now(),
      },
      from ?? actor,
    );
  });
}

/**
 * The organizations a person belongs to, with their role, by name.
 * @example await myOrgs(ctx, userId) // [{ id, slug, name, role }]
 */
export async function myOrgs(ctx: AppContext, userId: string) {
  const rows = await ctx.db
    .select({ id: orgs.id, slug: orgs.slug, name: orgs.name, role: orgMembers.role })
    .from(orgMembers)
    .innerJoin(orgs, eq(orgs.id, orgMembers.orgId))
    .where(eq(orgMembers.userId, userId))
    .orderBy(asc(orgs.name), asc(orgs.id));
  return rows;
}
