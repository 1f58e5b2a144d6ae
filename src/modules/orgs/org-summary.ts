import type { Executor } from '../../db/client.js';
import { selectOrgSummary } from './queries.js';

/**
 * An organization's id, slug and name, or null for no such organization (for other modules that name it).
 * @example await orgSummary(db, project.orgId) // { id: 'org_…', slug: 'atelier-velo', name: 'Atelier Vélo' }
 */
export async function orgSummary(db: Executor, id: string): Promise<{ id: string; slug: string; name: string } | null> {
  return (await selectOrgSummary(db, id)) ?? null;
}
