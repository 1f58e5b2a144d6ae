import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../db/errors.js';
import type { Actor } from '../../http/auth.js';
import { forbidden, notFound } from '../../lib/errors.js';
import { newId, randomToken } from '../../lib/ids.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { slugify } from '../../lib/slug.js';
import { recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { orgProjects } from './org-projects.js';
import { insertMember, insertOrg, type Org, selectMembersOf, selectOrgByIdOrSlug, selectOrgsOf, updateOrgRow } from './queries.js';
import { canManageOrg, orgRoleOf } from './roles.js';

// Membership changes have their own file; callers have always found them here.
export { type AddMemberInput, addMember, changeMemberRole, removeMember } from './members.js';
export { canManageOrg, orgRoleOf };
export type { Org };

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
  const org = await selectOrgByIdOrSlug(db, idOrSlug);
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
        const org = await insertOrg(tx, {
          id,
          slug,
          name: input.name,
          description: input.description ?? '',
          website: input.website ?? null,
          createdAt: ctx.clock.now(),
        });
        await insertMember(tx, { orgId: id, userId: actor.userId, role: 'owner', createdAt: ctx.clock.now() });
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
        return org;
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
  const members = await selectMembersOf(ctx.db, org.id);
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
    await updateOrgRow(tx, org.id, patch);
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

/**
 * The organizations a person belongs to, with their role, by name.
 * @example await myOrgs(ctx, userId) // [{ id, slug, name, role }]
 */
export async function myOrgs(ctx: AppContext, userId: string) {
  const rows = await selectOrgsOf(ctx.db, userId);
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, role: r.role }));
}
