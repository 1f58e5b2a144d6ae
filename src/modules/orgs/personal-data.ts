// The organizations module's share of a personal-data export and of an erasure.
import type { Executor } from '../../db/client.js';
import { deleteMembershipsOf, lockOrgsOf, selectOrgsOf, selectOrgsOwnedAlone } from './queries.js';

/**
 * The organizations a person belongs to, with their role and when they joined.
 * @example await exportPersonalData(db, userId) // { organizations: [{ id, slug, name, role, joinedAt }] }
 */
export async function exportPersonalData(db: Executor, userId: string) {
  return { organizations: await selectOrgsOf(db, userId) };
}

/**
 * The organizations of which this person is the only owner (an organization always keeps one). With `lock`, in
 * the caller's transaction, the person's organizations are locked first, in id order, as role changes lock them,
 * so nobody steps down or leaves meanwhile.
 * @example await orgsOwnedAlone(tx, userId, true) // [{ id: 'org_…', slug: 'atelier', name: 'Atelier' }]
 */
export async function orgsOwnedAlone(db: Executor, userId: string, lock = false): Promise<{ id: string; slug: string; name: string }[]> {
  if (lock) await lockOrgsOf(db, userId);
  return selectOrgsOwnedAlone(db, userId);
}

/** Ends every membership of an erased person (after `orgsOwnedAlone` found none they own alone). */
export function erasePersonalData(tx: Executor, userId: string): Promise<void> {
  return deleteMembershipsOf(tx, userId);
}
