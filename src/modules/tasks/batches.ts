// Reading batches: one, or a project's list, as the API shows them.
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { decodeCursor, pageOf } from '../../lib/cursor.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { findProject, isProjectHost } from '../projects/access.js';
import { viewBatch } from './access.js';
import { selectBatchesOfProject, type Batch } from './batch-queries.js';

const htmlCache = new Map<string, string>();

/** The instructions as sanitized HTML, cached per batch version (leases show them every time). */
export function instructionsHtml(batch: Batch): string {
  const key = `${batch.id}:${batch.updatedAt.getTime()}`;
  let html = htmlCache.get(key);
  if (html === undefined) {
    html = renderMarkdown(batch.instructions);
    if (htmlCache.size > 500) htmlCache.clear();
    htmlCache.set(key, html);
  }
  return html;
}

/** A batch as the API shows it. */
export function presentBatch(batch: Batch, isHost: boolean) {
  const dynamic = batch.confidence !== null;
  return {
    id: batch.id,
    projectId: batch.projectId,
    title: batch.title,
    instructions: batch.instructions,
    instructionsHtml: instructionsHtml(batch),
    answer: { kind: batch.answerKind, labels: batch.labels },
    overlap: dynamic ? null : batch.minOverlap,
    dynamic: dynamic ? { minOverlap: batch.minOverlap, maxOverlap: batch.maxOverlap, confidence: batch.confidence! } : null,
    reward: batch.rewardAmount !== null ? { amount: batch.rewardAmount, currency: batch.currency! } : null,
    goldRate: batch.goldRate,
    qualification:
      batch.minGoldAnswers !== null ? { minGoldAccuracy: batch.minGoldAccuracy ?? 0, minGoldAnswers: batch.minGoldAnswers } : null,
    leaseSeconds: batch.leaseSeconds,
    autoApproveHours: batch.autoApproveHours,
    status: batch.status,
    itemsCount: batch.itemsCount,
    goldCount: batch.goldCount,
    budget: batch.currency ? { funded: batch.fundedAmount, currency: batch.currency } : null,
    isHost,
    createdAt: batch.createdAt.toISOString(),
    publishedAt: batch.publishedAt?.toISOString() ?? null,
    closedAt: batch.closedAt?.toISOString() ?? null,
  };
}

/**
 * A project's batches, newest first; drafts only for its hosts.
 * @example await listBatches(ctx, 'my-project', actor, { limit: 20 })
 */
export async function listBatches(ctx: AppContext, projectIdOrSlug: string, actor: Actor | null, page: { limit: number; cursor?: string }) {
  const project = await findProject(ctx.db, projectIdOrSlug, actor);
  const isHost = await isProjectHost(ctx.db, project, actor);
  // Why: drafts are the hosts' work in progress.
  const rows = await selectBatchesOfProject(ctx.db, project.id, {
    withDrafts: isHost,
    after: decodeCursor(page.cursor),
    limit: page.limit + 1,
  });
  const { items, nextCursor } = pageOf(rows, page.limit, (r) => ({ v: r.createdAt.toISOString(), id: r.id }));
  return { items: items.map((b) => presentBatch(b, isHost)), nextCursor };
}

/**
 * One batch as its caller sees it (drafts for hosts only).
 * @example const batch = await showBatch(ctx, 'tb_1', actor)
 */
export async function showBatch(ctx: AppContext, id: string, actor: Actor | null) {
  const { batch, isHost } = await viewBatch(ctx.db, id, actor);
  return presentBatch(batch, isHost);
}
