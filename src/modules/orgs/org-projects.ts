import type { z } from 'zod';
import type { Executor } from '../../db/client.js';
import type { ZProjectCard } from '../../http/project-card.js';
import { registeredFunction } from '../../lib/registered.js';

/**
 * An organization's visible projects, newest first, as cards. The projects module registers it: projects depend
 * on organizations (who hosts them), so orgs does not import projects.
 */
export type OrgProjectsLister = (
  db: Executor,
  orgId: string,
  limit: number,
) => Promise<{ items: z.infer<typeof ZProjectCard>[]; nextCursor: string | null }>;

const lister = registeredFunction<OrgProjectsLister>('orgs: the projects module has not registered its project lister');

/** Registers how an organization's projects are listed (once, by the projects module). */
export const registerOrgProjects = lister.register;

/**
 * An organization's visible projects, through the registered lister.
 * @example const { items, nextCursor } = await orgProjects(db, org.id, 50)
 */
export function orgProjects(db: Executor, orgId: string, limit: number): ReturnType<OrgProjectsLister> {
  return lister.call(db, orgId, limit);
}
