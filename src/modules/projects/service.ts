import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { projects } from '../../db/schema/projects.js';
import type { Actor } from '../../http/auth.js';
import { forbidden } from '../../http/errors.js';
import { newId, randomToken } from '../../lib/ids.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { slugify } from '../../lib/slug.js';
import { canManageOrg } from '../orgs/roles.js';
import { findProject, isProjectHost, requireProjectHost, type Project } from './access.js';

export const CATEGORIES = ['technology', 'design', 'arts', 'community', 'environment', 'science', 'education', 'health', 'civic', 'food', 'games', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CreateProjectInput {
  title: string;
  summary: string;
  description: string;
  category: Category;
  orgId?: string;
  coverImageUrl?: string;
}

/** The project as the API shows it, with its description rendered to safe HTML. */
export async function presentProject(ctx: AppContext, p: Project, actor: Actor | null) {
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
    hidden: p.hidden,
    followers: p.followersCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    viewer: { isHost: await isProjectHost(ctx.db, p, actor) },
  };
}

async function uniqueSlug(ctx: AppContext, title: string): Promise<string> {
  const base = slugify(title);
  const [taken] = await ctx.db.select({ id: projects.id }).from(projects).where(eq(projects.slug, base)).limit(1);
  return taken ? `${base}-${randomToken(4).toLowerCase().replace(/[^a-z0-9]/g, 'x').slice(0, 5)}` : base;
}

export async function createProject(ctx: AppContext, actor: Actor, input: CreateProjectInput): Promise<Project> {
  // Why: a project opened in an organization's name needs that organization's owner or admin.
  if (input.orgId && !(await canManageOrg(ctx.db, input.orgId, actor.userId))) {
    throw forbidden('Only an owner or admin of this organization can open a project in its name.');
  }
  const id = newId('prj');
  const [p] = await ctx.db
    .insert(projects)
    .values({
      id,
      slug: await uniqueSlug(ctx, input.title),
      ownerId: actor.userId,
      orgId: input.orgId ?? null,
      title: input.title,
      summary: input.summary,
      description: input.description,
      category: input.category,
      coverImageUrl: input.coverImageUrl ?? null,
    })
    .returning();
  return p!;
}

export async function updateProject(ctx: AppContext, actor: Actor, id: string, patch: Partial<Omit<CreateProjectInput, 'orgId'>>): Promise<Project> {
  const project = await requireProjectHost(ctx.db, id, actor);
  const [p] = await ctx.db
    .update(projects)
    .set({ ...patch, updatedAt: ctx.clock.now() })
    .where(eq(projects.id, project.id))
    .returning();
  return p!;
}

export { findProject };
