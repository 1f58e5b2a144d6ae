// The projects module's share of a personal-data export: the projects a person owns (kept on erasure, shown
// under "Deleted account").
import type { Executor } from '../../db/client.js';
import { selectProjectsOwnedBy } from './queries.js';

/**
 * The projects a person owns, drafts and hidden ones included.
 * @example await exportPersonalData(db, userId) // { projects: [{ id, slug, title, … }] }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  return { projects: await selectProjectsOwnedBy(db, userId) };
}
