// Every statement on the projects table but the lists of cards (card-queries.ts).
import { asc, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pick } from '../../db/select.js';
import { projects } from '../../db/schema/projects.js';

export type Project = typeof projects.$inferSelect;
type ProjectPatch = Partial<Pick<Project, 'slug' | 'title' | 'summary' | 'description' | 'category' | 'coverImageUrl'>>;

/** A project by id or slug, hidden or not. */
export async function selectProjectByIdOrSlug(db: Executor, idOrSlug: string): Promise<Project | undefined> {
  const [p] = await db
    .select()
    .from(projects)
    .where(or(eq(projects.id, idOrSlug), eq(projects.slug, idOrSlug)))
    .limit(1);
  return p;
}

/** Whether a project uses this slug. */
export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  const [taken] = await db.select({ id: projects.id }).from(projects).where(eq(projects.slug, slug)).limit(1);
  return Boolean(taken);
}

export async function insertProject(tx: Executor, row: typeof projects.$inferInsert): Promise<Project> {
  const [p] = await tx.insert(projects).values(row).returning();
  return p!;
}

/** Changes a project's columns and its `updatedAt`; returns it as it now is. */
export async function updateProjectRow(tx: Executor, id: string, patch: ProjectPatch, now: Date): Promise<Project> {
  const [p] = await tx
    .update(projects)
    .set({ ...patch, updatedAt: now })
    .where(eq(projects.id, id))
    .returning();
  return p!;
}

/** Sets the moderation flag; returns the project's id, owner and title (undefined for no such project). */
export async function updateProjectHidden(tx: Executor, id: string, hidden: boolean, now: Date) {
  const [row] = await tx
    .update(projects)
    .set({ hidden, updatedAt: now })
    .where(eq(projects.id, id))
    .returning({ id: projects.id, ownerId: projects.ownerId, title: projects.title });
  return row;
}

/** Adds `delta` to the follower count; returns the new count (undefined for no such project). */
export async function addToFollowersCount(tx: Executor, id: string, delta: number): Promise<number | undefined> {
  const [row] = await tx
    .update(projects)
    .set({ followersCount: sql`${projects.followersCount} + ${delta}` })
    .where(eq(projects.id, id))
    .returning({ n: projects.followersCount });
  return row?.n;
}

/** The projects a person owns, oldest first, drafts and hidden ones included. */
export function selectProjectsOwnedBy(db: Executor, userId: string) {
  return db
    .select(pick(projects, ['id', 'slug', 'orgId', 'title', 'summary', 'description', 'category', 'hidden', 'createdAt', 'updatedAt']))
    .from(projects)
    .where(eq(projects.ownerId, userId))
    .orderBy(asc(projects.createdAt), asc(projects.id));
}
