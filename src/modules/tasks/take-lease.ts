// Leasing the next item to a worker. The common path is served in groups (lease-group.ts); a worker it cannot serve
// is served here by the statements of lease.ts: one read of their state, one statement that leases a free item,
// then, when nothing is free, a short transaction that reclaims an expired lease.
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { DomainError, conflict, notFound } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { batchForWork, type Batch } from './access.js';
import { instructionsHtml } from './batches.js';
import { insertLease, leaseAvailable, type PickedItem, reclaimExpired, selectWorkerState } from './lease.js';
import { leaseGrouper } from './lease-group.js';

export interface Lease {
  id: string;
  item: PickedItem;
  batch: {
    id: string;
    title: string;
    instructionsHtml: string;
    answer: { kind: Batch['answerKind']; labels: string[] };
    reward: { amount: number; currency: string } | null;
  };
  expiresAt: string;
  progress: { done: number; total: number };
}

/** The worker's gold record, and whether it still qualifies them for the batch. */
export function qualification(batch: Batch, w: { gold_answers: number; gold_correct: number } | undefined) {
  if (!batch.minGoldAnswers || !w || w.gold_answers < batch.minGoldAnswers) return { qualified: true as const };
  const accuracy = w.gold_correct / w.gold_answers;
  if (accuracy >= (batch.minGoldAccuracy ?? 0)) return { qualified: true as const };
  return { qualified: false as const, accuracy, goldAnswers: w.gold_answers, required: batch.minGoldAccuracy ?? 0 };
}

const batchNotOpen = (status: string) =>
  conflict('batch_not_open', status === 'paused' ? 'This batch is paused.' : 'This batch is not open for work.');

/**
 * Leases the next item for a signed-in worker, preferring gold items at the batch's gold rate; null when nothing
 * is left for them. A worker holding an unexpired lease on the batch gets that lease back.
 * Throws 403 `not_qualified` once their gold accuracy is below the batch's threshold.
 * @example const lease = await leaseNext(ctx, actor, 'tb_1') // { id, item: { id, data }, expiresAt, … } or null
 */
export async function leaseNext(ctx: AppContext, actor: Actor, batchId: string): Promise<Lease | null> {
  const batch = await batchForWork(ctx.db, batchId, actor);
  if (batch.status !== 'published') throw batchNotOpen(batch.status);
  const now = ctx.clock.now();
  const worker = actor.userId;
  const regular = batch.itemsCount - batch.goldCount;
  const goldFirst = batch.goldCount > 0 && (regular === 0 || Math.random() < batch.goldRate);
  const order = goldFirst ? [true, false] : batch.goldCount > 0 ? [false, true] : [false];
  const id = newId('ta');
  const expiresAt = new Date(now.getTime() + batch.leaseSeconds * 1000);
  // The common case, served together with the lease requests arriving meanwhile (lease-group.ts): a qualified
  // worker without an open lease gets the next item they have not had, of the kind drawn or else of the other
  // (once the gold items have all their answers, every draw of gold comes here).
  for (const gold of order) {
    const grouped = await leaseGrouper(ctx.database).lease({ batch, gold, worker, id, now, expiresAt });
    if (grouped) return presentLease(batch, id, grouped, expiresAt, grouped.done);
  }

  // What the worker did so far in this batch, and the lease they may already hold: one read.
  const state = await selectWorkerState(ctx.database, batch.id, worker, now);
  // Why: the batch row in hand may be cached from before its project was hidden or the batch paused or closed;
  // the lease statements refuse then, and this read (made after them) says why, without handing back a lease.
  if (state?.hidden || !state?.batch_status) throw notFound('task batch', 'batch_not_found');
  if (state.batch_status !== 'published') throw batchNotOpen(state.batch_status);
  const counters =
    state?.answers === null || state?.answers === undefined
      ? undefined
      : { answers: state.answers, gold_answers: state.gold_answers!, gold_correct: state.gold_correct! };
  const done = counters?.answers ?? 0;
  const q = qualification(batch, counters);
  const result = await (async () => {
    if (!q.qualified) return { notQualified: q };
    if (state?.lease_id)
      return { id: state.lease_id, item: { id: state.item_id!, data: state.data! }, expiresAt: new Date(state.expires_at!), done };
    for (const gold of order) {
      const item = await leaseAvailable(ctx.database, batch.id, gold, worker, { id, now, expiresAt });
      if (item) return { id, item, expiresAt, done };
    }
    // Nothing free: an expired lease may hold a place. Reclaiming it takes a short transaction.
    const item = await ctx.db.transaction(async (tx) => {
      const reclaimed = await reclaimExpired(tx, batch.id, worker, now);
      if (!reclaimed) return undefined;
      await insertLease(tx, { id, batchId: batch.id, itemId: reclaimed.id, worker, now, expiresAt });
      return reclaimed;
    });
    return item ? { id, item, expiresAt, done } : null;
  })();
  if (!result) return null;
  if ('notQualified' in result) {
    const q = result.notQualified!;
    throw new DomainError(
      'not_qualified',
      `Your accuracy on control items is ${Math.round(q.accuracy * 100)}% over ${q.goldAnswers} answers; this batch asks for at least ${Math.round(q.required * 100)}%.`,
      { accuracy: q.accuracy, goldAnswers: q.goldAnswers, required: q.required },
    );
  }
  return presentLease(batch, result.id, result.item, result.expiresAt, result.done);
}

/** A lease as the worker's client receives it. */
function presentLease(batch: Batch, id: string, item: PickedItem, expiresAt: Date, done: number): Lease {
  return {
    id,
    item: { id: item.id, data: item.data },
    batch: {
      id: batch.id,
      title: batch.title,
      instructionsHtml: instructionsHtml(batch),
      answer: { kind: batch.answerKind, labels: batch.labels },
      reward: batch.rewardAmount ? { amount: batch.rewardAmount, currency: batch.currency! } : null,
    },
    expiresAt: expiresAt.toISOString(),
    progress: { done, total: batch.itemsCount },
  };
}
