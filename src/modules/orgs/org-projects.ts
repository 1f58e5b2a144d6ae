import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { ZProjectCard } from '../../http/project-card.js';

/**
 * An organization's visible projects, newest first, as cards. The projects module registers it: projects depend
 * on organizations (who hosts them), so orgs does not import projects.
 */
export type OrgProjectsLister = (
  db: Executor,
  orgId: string,
  limit: number,
) => Promise<{ items: z.infer<typeof ZProjectCard>[]; nextCursor: string | null }>;

let lister: OrgProjectsLister | null = null;

/** Registers how an organization's projects are listed (once, by the projects module). */
export function registerOrgProjects(fn: OrgProjectsLister): void {
  lister = fn;
}

/**
 * An organization's visible projects, through the registered lister.
 * @example const { items, nextCursor } = await orgProjects(db, org.id, 50)
 */
export function orgProjects(db: Executor, orgId: string, limit: number): ReturnType<OrgProjectsLister> {
  if (!lister) throw new Error('orgs: the projects module has not registered its project lister');
  return lister(db, orgId, limit);
}
