// Finding a batch and deciding who may see or manage it.
import { eq } from 'drizzle-orm';
import { projects } from '../../db/schema/projects.js';
import type { Executor } from '../../db/client.js';
import { taskBatches } from '../../db/schema/tasks.js';
import type { Actor } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { findProject, isProjectHost, requireProjectHost, type Project } from '../projects/access.js';

export type Batch = typeof taskBatches.$inferSelect;

const batchNotFound = () => notFound('task batch', 'batch_not_found');

/** A batch row by id, or a 404. */
export async function loadBatch(db: Executor, id: string): Promise<Batch> {
  const [b] = await db.select().from(taskBatches).where(eq(taskBatches.id, id)).limit(1);
  if (!b) throw batchNotFound();
  return b;
}

/**
 * A batch the caller may see: drafts and batches of hidden projects only for the project's hosts.
 * @example const { batch, isHost } = await viewBatch(db, 'tb_1', actor)
 */
export async function viewBatch(db: Executor, id: string, actor: Actor | null): Promise<{ batch: Batch; project: Project; isHost: boolean }> {
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
  const batch = await loadBatch(db, id);
  // Why: only the project's hosts may change a batch, pay its workers or read its answers.
  const project = await requireProjectHost(db, batch.projectId, actor);
  return { batch, project };
}

/**
 * The batch a worker leases from, in one query on the hot path: an open batch of a visible project needs no
 * further check; anything else (a draft, a hidden project) goes through viewBatch's full rules.
 * @example const batch = await batchForWork(db, 'tb_1', actor)
 */
export async function batchForWork(db: Executor, id: string, actor: Actor | null): Promise<Batch> {
  const [row] = await db
    .select({ batch: taskBatches, hidden: projects.hidden })
    .from(taskBatches)
    .innerJoin(projects, eq(projects.id, taskBatches.projectId))
    .where(eq(taskBatches.id, id))
    .limit(1);
  if (!row) throw batchNotFound();
  // Why: drafts and batches of hidden projects are visible to their hosts only; viewBatch decides those.
  if (row.batch.status === 'draft' || row.hidden) return (await viewBatch(db, id, actor)).batch;
  return row.batch;
}
