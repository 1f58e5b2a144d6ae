import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { forbidden, notFound, unauthenticated } from '../../lib/errors.js';
import { canManageOrg } from '../orgs/roles.js';
import { type Project, selectProjectByIdOrSlug } from './queries.js';

export type { Project };

/**
 * A project by id or slug. Hidden projects are found only by their hosts and operators.
 * @example const p = await findProject(db, 'my-slug', actor)
 */
export async function findProject(db: Executor, idOrSlug: string, actor: Actor | null): Promise<Project> {
  const p = await selectProjectByIdOrSlug(db, idOrSlug);
  if (!p) throw notFound('project');
  // Why: a project hidden by moderation stays visible only to the people who can act on it.
  if (p.hidden && !(actor && (await isProjectHost(db, p, actor)))) throw notFound('project');
  return p;
}

/** True when the person hosts the project: its owner, an owner or admin of its organization, or an operator. */
export async function isProjectHost(db: Executor, project: Project, actor: Actor | null): Promise<boolean> {
  if (!actor) return false;
  if (actor.role === 'operator' || project.ownerId === actor.userId) return true;
  return project.orgId ? canManageOrg(db, project.orgId, actor.userId) : false;
}

/**
 * The project, if the caller may manage it (open calls, read private results, pay workers); else 401/403.
 * Every module that lets a host act on a project checks through this.
 */
export async function requireProjectHost(db: Executor, idOrSlug: string, actor: Actor | null): Promise<Project> {
  if (!actor) throw unauthenticated();
  const project = await findProject(db, idOrSlug, actor);
  // Why: only the project's hosts may change it or see what its crowd gave privately.
  if (!(await isProjectHost(db, project, actor))) throw forbidden('Only the hosts of this project can do this.');
  return project;
}
