// Finding a batch and deciding who may see or manage it.
import type { Executor } from '../../db/client.js';
import type { Actor } from '../../http/auth.js';
import { forbidden, notFound, unauthenticated } from '../../lib/errors.js';
import { findProject, isProjectHost, type Project } from '../projects/access.js';
import { selectBatch, selectBatchWithHidden, type Batch } from './batch-queries.js';

export type { Batch };

const batchNotFound = () => notFound('task batch', 'batch_not_found');

/** A batch row by id, or a 404. */
export async function loadBatch(db: Executor, id: string): Promise<Batch> {
  const b = await selectBatch(db, id);
  if (!b) throw batchNotFound();
  return b;
}

/**
 * A batch the caller may see: drafts and batches of hidden projects only for the project's hosts.
 * @example const { batch, isHost } = await viewBatch(db, 'tb_1', actor)
 */
export async function viewBatch(
  db: Executor,
  id: string,
  actor: Actor | null,
): Promise<{ batch: Batch; project: Project; isHost: boolean }> {
  const batch = await loadBatch(db, id);
  const project = await findProject(db, batch.projectId, actor).catch(() => {
    throw batchNotFound();
  });
  const isHost = await isProjectHost(db, project, actor);
  // Why: a draft batch is its hosts' work in progress, not yet open to the crowd.
  if (batch.status === 'draft' && !isHost) throw batchNotFound();
  return { batch, project, isHost };
}

/**
 * A batch the caller hosts (uploads, publishing, results, review, pay), else 401/403/404.
 * @example const { batch, project } = await manageBatch(db, 'tb_1', actor)
 */
export async function manageBatch(db: Executor, id: string, actor: Actor | null): Promise<{ batch: Batch; project: Project }> {
  if (!actor) throw unauthenticated();
  // Why: who may not see the batch (a draft, a hidden project) learns nothing of it, not even that it exists: 404.
  const { batch, project, isHost } = await viewBatch(db, id, actor);
  // Why: only the project's hosts may change a batch, pay its workers or read its answers.
  if (!isHost) throw forbidden('Only the hosts of this project can do this.');
  return { batch, project };
}

/**
 * How long this process reuses a published batch's row for workers' leases and answers. What a lease or an
 * answer is checked against here (answer kind, labels, overlap, reward, gold rate) does not change while the
 * batch is published; its status does, and the statements that lease and record answers check it again
 * themselves. Pausing, closing or editing a batch in this process forgets it at once.
 */
const WORK_TTL_MS = 2_000;
const workCache = new Map<string, { batch: Batch; hidden: boolean; readAt: number }>();

/** A batch row with its project's visibility: from the short-lived cache while published, else read now. */
export async function batchRowForWork(db: Executor, id: string): Promise<{ batch: Batch; hidden: boolean }> {
  const hit = workCache.get(id);
  if (hit && Date.now() - hit.readAt < WORK_TTL_MS) return hit;
  const row = await selectBatchWithHidden(db, id);
  if (!row) throw batchNotFound();
  if (row.batch.status === 'published' && !row.hidden) {
    if (workCache.size >= 1_000) workCache.delete(workCache.keys().next().value!);
    workCache.set(id, { ...row, readAt: Date.now() });
  } else {
    workCache.delete(id);
  }
  return row;
}

/** Forgets a batch's cached row (after this process changed it). */
export function forgetBatchForWork(id: string): void {
  workCache.delete(id);
}

/**
 * The batch a worker leases from, in at most one query on the hot path: an open batch of a visible project needs
 * no further check; anything else (a draft, a hidden project) goes through viewBatch's full rules.
 * @example const batch = await batchForWork(db, 'tb_1', actor)
 */
export async function batchForWork(db: Executor, id: string, actor: Actor | null): Promise<Batch> {
  const row = await batchRowForWork(db, id);
  // Why: drafts and batches of hidden projects are visible to their hosts only; viewBatch decides those.
  if (row.batch.status === 'draft' || row.hidden) return (await viewBatch(db, id, actor)).batch;
  return row.batch;
}
