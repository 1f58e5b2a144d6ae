import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict, forbidden } from '../../lib/errors.js';
import { newId, randomToken } from '../../lib/ids.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { slugify } from '../../lib/slug.js';
import { pgErrorCode, UNIQUE_VIOLATION } from '../../db/errors.js';
import { personById } from '../accounts/people.js';
import { orgSummary } from '../orgs/org-summary.js';
import { canManageOrg } from '../orgs/roles.js';
import { findProject, isProjectHost, requireProjectHost, type Project } from './access.js';
import { projectCreated, viewerStateOf } from './hooks.js';
import { addToFollowersCount, insertProject, slugTaken, updateProjectHidden, updateProjectRow } from './queries.js';
import { quote, recordAudit, type AuditFrom } from '../audit/record-audit.js';

export const CATEGORIES = [
  'technology',
  'design',
  'arts',
  'community',
  'environment',
  'science',
  'education',
  'health',
  'civic',
  'food',
  'games',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CreateProjectInput {
  title: string;
  summary: string;
  description: string;
  category: Category;
  orgId?: string;
  coverImageUrl?: string;
}

export interface UpdateProjectInput extends Partial<Omit<CreateProjectInput, 'orgId' | 'coverImageUrl'>> {
  slug?: string;
  coverImageUrl?: string | null;
}

/**
 * The project as the API shows it: its description rendered to safe HTML, who hosts it, and what the viewer
 * may do and has done (host, following, signed up for launch).
 * @example await presentProject(ctx, project, request.actor)
 */
export async function presentProject(ctx: AppContext, p: Project, actor: Actor | null) {
  const owner = await personById(ctx.db, p.ownerId);
  const org = p.orgId ? await orgSummary(ctx.db, p.orgId) : null;
  let following = false;
  let signedUp = false;
  if (actor) {
    ({ following, signedUp } = await viewerStateOf(ctx.db, p.id, actor.userId));
  }
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    summary: p.summary,
    description: p.description,
    descriptionHtml: renderMarkdown(p.description),
    category: p.category,
    coverImageUrl: p.coverImageUrl,
    ownerId: p.ownerId,
    orgId: p.orgId,
    owner: { id: p.ownerId, name: owner?.name ?? '' },
    org: org ?? null,
    hidden: p.hidden,
    followers: p.followersCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    viewer: { isHost: await isProjectHost(ctx.db, p, actor), following, signedUp },
  };
}

const suffix = () =>
  randomToken(4)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')
    .slice(0, 5);

/**
 * Opens a project; in an organization's name only for that organization's owners and admins.
 * @example await createProject(ctx, actor, { title: 'Solar lights', summary: '…', description: '', category: 'technology' })
 */
export async function createProject(ctx: AppContext, actor: Actor, input: CreateProjectInput): Promise<Project> {
  if (input.orgId) {
    if (!(await orgSummary(ctx.db, input.orgId)))
      throw new DomainError('org_not_found', 'No organization with this id.', { field: 'body.orgId' });
  }
  // Why: a project opened in an organization's name needs that organization's owner or admin.
  if (input.orgId && !(await canManageOrg(ctx.db, input.orgId, actor.userId))) {
    throw forbidden('Only an owner or admin of this organization can open a project in its name.');
  }
  const base = slugify(input.title);
  for (let attempt = 0; ; attempt++) {
    const taken = attempt === 0 && (await slugTaken(ctx.db, base));
    const slug = attempt === 0 && !taken ? base : `${base}-${suffix()}`;
    try {
      const now = ctx.clock.now();
      return await ctx.db.transaction(async (tx) => {
        const p = await insertProject(tx, {
          id: newId('prj'),
          slug,
          ownerId: actor.userId,
          orgId: input.orgId ?? null,
          title: input.title,
          summary: input.summary,
          description: input.description,
          category: input.category,
          coverImageUrl: input.coverImageUrl ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await projectCreated(tx, p, actor.userId);
        return p;
      });
    } catch (e) {
      // Two projects with one title at once: the unique index decides, the loser takes a suffix.
      if (pgErrorCode(e) !== UNIQUE_VIOLATION || attempt >= 4) throw e;
    }
  }
}

/**
 * Edits a project (its hosts only). A new slug must be free; the old one stops working.
 * @example await updateProject(ctx, actor, 'solar-lights', { summary: 'Brighter' })
 */
export async function updateProject(
  ctx: AppContext,
  actor: Actor,
  id: string,
  patch: UpdateProjectInput,
  from?: AuditFrom,
): Promise<Project> {
  const project = await requireProjectHost(ctx.db, id, actor);
  if (patch.slug && patch.slug !== project.slug) {
    if (await slugTaken(ctx.db, patch.slug))
      throw conflict('slug_taken', 'Another project already uses this address.', { field: 'body.slug' });
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const p = await updateProjectRow(tx, project.id, patch, now);
      // An edit by someone other than the owner (an organization's owner or admin, an operator) is on the record.
      if (actor.userId !== project.ownerId) {
        const fields = Object.keys(patch).filter((k) => patch[k as keyof UpdateProjectInput] !== undefined);
        await recordAudit(
          tx,
          {
            action: 'project.update',
            targetType: 'project',
            targetId: project.id,
            orgId: project.orgId,
            projectId: project.id,
            summary: `Edited project ${quote(p.title)} of ${project.ownerId}: ${fields.join(', ') || 'nothing'}`,
            data: {
              fields,
              ownerId: project.ownerId,
              ...(patch.slug && patch.slug !== project.slug ? { slug: { from: project.slug, to: patch.slug } } : {}),
              ...(patch.title && patch.title !== project.title ? { title: { from: project.title, to: patch.title } } : {}),
            },
            at: now,
          },
          from ?? actor,
        );
      }
      return p;
    });
  } catch (e) {
    if (pgErrorCode(e) === UNIQUE_VIOLATION)
      throw conflict('slug_taken', 'Another project already uses this address.', { field: 'body.slug' });
    throw e;
  }
}

/**
 * Sets a project's moderation flag (operators; see community/moderation.ts), inside the caller's transaction.
 * @example await setProjectHidden(tx, projectId, true, now)
 */
export async function setProjectHidden(tx: Executor, projectId: string, hidden: boolean, now: Date) {
  return (await updateProjectHidden(tx, projectId, hidden, now)) ?? null;
}

/**
 * Adds `delta` to a project's follower count, inside the follow/unfollow transaction; returns the new count.
 * @example await bumpFollowers(tx, projectId, +1)
 */
export async function bumpFollowers(tx: Executor, projectId: string, delta: number): Promise<number> {
  return (await addToFollowersCount(tx, projectId, delta)) ?? 0;
}

export { findProject };
