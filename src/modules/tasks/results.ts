// Results of a batch: each item's aggregated answer (any method of src/lib/aggregation), each worker's
// quality and earnings, and the CSV / JSON exports.
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { csvRows, type CsvValue } from '../../lib/csv.js';
import { peopleByIds } from '../accounts/people.js';
import { LedgerAccounts } from '../ledger/accounts.js';
import { totalsToAccountsByRefs } from '../ledger/service.js';
import { manageBatch } from './access.js';
import { aggregateBatch as aggregate, methodsFor } from './aggregate.js';
import { paidRefsOfBatchSql, selectCountingAnswersOfBatch, selectReviewsPerWorker } from './assignment-queries.js';
import type { Batch, TaskAnswer } from './batch-queries.js';
import { selectItemsOfBatch } from './item-queries.js';

/** Every answer that counts (submitted, not rejected; imported ones included) and every item of a batch. */
async function loadBatchAnswers(ctx: AppContext, batch: Batch) {
  const answers = await selectCountingAnswersOfBatch(ctx.db, batch.id);
  const items = await selectItemsOfBatch(ctx.db, batch.id);
  return { answers, items };
}

/**
 * Per item: the aggregated answer, its confidence and the answers behind it, a page at a time (in upload
 * order). Hosts only.
 * @example await batchResults(ctx, actor, 'tb_1', { method: 'ds', limit: 50 })
 */
export async function batchResults(ctx: AppContext, actor: Actor, id: string, q: { method?: string; limit: number; cursor?: string }) {
  // Why: the crowd's answers are the host's data.
  const { batch } = await manageBatch(ctx.db, id, actor);
  const { answers, items } = await loadBatchAnswers(ctx, batch);
  const out = aggregate(batch, q.method, answers, items);
  const start = q.cursor ? Math.max(0, Number.parseInt(q.cursor, 10) || 0) : 0;
  const page = out.items.slice(start, start + q.limit);
  const onPage = new Set(page.map((p) => p.item));
  const behind = new Map<string, { workerId: string; answer: TaskAnswer }[]>();
  for (const a of answers) {
    if (!onPage.has(a.item_id)) continue;
    const list = behind.get(a.item_id) ?? [];
    list.push({ workerId: a.worker_ref, answer: a.answer });
    behind.set(a.item_id, list);
  }
  const byId = new Map(items.map((i) => [i.id, i]));
  return {
    method: out.method,
    methods: methodsFor(batch.answerKind),
    answerKind: batch.answerKind,
    totalItems: out.items.length,
    answeredItems: out.items.filter((i) => i.answers > 0).length,
    items: page.map((p) => ({
      itemId: p.item,
      externalId: byId.get(p.item)?.externalId ?? null,
      data: byId.get(p.item)?.data ?? {},
      answer: p.answer,
      confidence: p.confidence,
      stdError: p.stdError,
      answers: p.answers,
      answersCount: p.answers,
      gold: p.gold,
      votes: behind.get(p.item) ?? [],
    })),
    nextCursor: start + q.limit < out.items.length ? String(start + q.limit) : null,
  };
}

const answerText = (a: TaskAnswer | null) => (a === null ? '' : Array.isArray(a) ? a.join('|') : String(a));

/**
 * The whole result as CSV (externalId,answer,confidence,answers; several labels joined by |) or JSON.
 * @example const { csv } = await exportResults(ctx, actor, 'tb_1', 'ds', 'csv')
 */
export async function exportResults(ctx: AppContext, actor: Actor, id: string, method: string | undefined, format: 'csv' | 'json') {
  // Why: the crowd's answers are the host's data.
  const { batch } = await manageBatch(ctx.db, id, actor);
  const { answers, items } = await loadBatchAnswers(ctx, batch);
  const out = aggregate(batch, method, answers, items);
  const ext = new Map(items.map((i) => [i.id, i.externalId]));
  if (format === 'json') {
    return {
      json: {
        batchId: batch.id,
        method: out.method,
        items: out.items.map((i) => ({
          externalId: ext.get(i.item) ?? null,
          itemId: i.item,
          answer: i.answer,
          confidence: i.confidence,
          stdError: i.stdError,
          answers: i.answers,
          gold: i.gold,
        })),
      },
    };
  }
  const rows: CsvValue[][] = [['externalId', 'answer', 'confidence', 'answers']];
  for (const i of out.items) rows.push([ext.get(i.item) ?? i.item, answerText(i.answer), i.confidence, i.answers]);
  // Why: the answers and external ids come from the crowd and the upload; a spreadsheet must not run them.
  return { csv: csvRows(rows), filename: `${batch.id}-${out.method}.csv` };
}

/**
 * Per worker: answers, gold accuracy, the method's quality estimate (with Dawid–Skene the confusion
 * matrix), reviews and earnings (what the ledger paid them for this batch: approved rewards plus bonuses). Hosts only.
 * @example await batchWorkers(ctx, actor, 'tb_1', 'ds')
 */
export async function batchWorkers(ctx: AppContext, actor: Actor, id: string, method?: string) {
  // Why: who answered what, and how well, is the host's to see.
  const { batch } = await manageBatch(ctx.db, id, actor);
  const { answers, items } = await loadBatchAnswers(ctx, batch);
  const out = aggregate(batch, method, answers, items);
  const reviews = await selectReviewsPerWorker(ctx.db, batch.id);
  // Earnings are what the ledger paid each worker account for this batch: approved answers and bonuses.
  const paid = await totalsToAccountsByRefs(ctx.db, paidRefsOfBatchSql(batch.id), 'worker:%');
  const paidTo = new Map(paid.map((p) => [p.account, p.total]));
  const reviewOf = new Map(reviews.map((r) => [r.worker_ref, r]));
  const userIds = reviews.flatMap((r) => (r.user_id ? [r.user_id] : []));
  const people = await peopleByIds(ctx.db, userIds);
  return {
    method: out.method,
    labels: batch.labels,
    items: out.workers.map((w) => {
      const r = reviewOf.get(w.worker);
      const userId = r?.user_id ?? null;
      const earned = userId ? (paidTo.get(LedgerAccounts.workerBalance(userId)) ?? 0) : 0;
      return {
        workerId: w.worker,
        name: userId ? (people.get(userId)?.name ?? null) : null,
        imported: !userId,
        answers: w.answers,
        goldAnswers: w.goldAnswers,
        goldAccuracy: w.goldAccuracy,
        quality: w.quality,
        confusion: w.confusion,
        approved: Number(r?.approved ?? 0),
        rejected: Number(r?.rejected ?? 0),
        pending: Number(r?.pending ?? 0),
        earnings: batch.currency ? { amount: earned, currency: batch.currency } : null,
      };
    }),
  };
}
