// Who is in an organization, with which role: adding, promoting and removing members.
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict, forbidden, notFound } from '../../lib/errors.js';
import { personByEmail, personById } from '../accounts/people.js';
import { recordAudit, type AuditFrom } from '../audit/record-audit.js';
import { notify } from '../notifications/service.js';
import { countOwners, deleteMember, insertMember, lockOrg, type OrgRole, selectMember, updateMemberRole } from './queries.js';
import { orgRoleOf } from './roles.js';
import { findOrg } from './service.js';

/** The 409 for a change that would leave the organization without an owner. */
const lastOwner = () => conflict('last_owner', 'An organization keeps at least one owner: make someone else owner first.');

export interface AddMemberInput {
  userId?: string;
  email?: string;
  role: OrgRole;
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

  const person = input.userId ? await personById(ctx.db, input.userId) : await personByEmail(ctx.db, input.email!);
  if (!person) {
    throw new DomainError(
      'user_not_found',
      input.userId ? 'No person with this id.' : 'No account uses this e-mail address: ask them to sign up first.',
      {
        field: input.userId ? 'body.userId' : 'body.email',
      },
    );
  }
  const actorUser = await personById(ctx.db, actor.userId);
  const joinedAt = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const inserted = await insertMember(tx, { orgId: org.id, userId: person.id, role: input.role, createdAt: joinedAt });
    if (!inserted)
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
    const member = await selectMember(tx, org.id, userId);
    if (!member) throw notFound('member of this organization', 'member_not_found');
    if (member.role === 'owner' && role !== 'owner' && (await countOwners(tx, org.id)) <= 1) {
      throw lastOwner();
    }
    await updateMemberRole(tx, org.id, userId, role);
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
    if (targetRole === 'owner' && (await countOwners(tx, org.id)) <= 1) {
      throw lastOwner();
    }
    await deleteMember(tx, org.id, userId);
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
