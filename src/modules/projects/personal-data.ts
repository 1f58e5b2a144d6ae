// The projects module's share of a personal-data export: the projects a person owns (kept on erasure, shown
// under "Deleted account").
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { projects } from '../../db/schema/projects.js';

/**
 * The projects a person owns, drafts and hidden ones included.
 * @example await exportPersonalData(db, userId) // { projects: [{ id, slug, title, … }] }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  const rows = await db
    .select({
      id: projects.id,
      slug: projects.slug,
      orgId: projects.orgId,
      title: projects.title,
      summary: projects.summary,
      description: projects.description,
      category: projects.category,
      hidden: projects.hidden,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
    })
    .from(projects)
    .where(eq(projects.ownerId, userId))
    .orderBy(asc(projects.createdAt), asc(projects.id));
  return { projects: rows };
}
