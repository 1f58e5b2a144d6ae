// Importing answers collected elsewhere (CSV item,worker,answer), to aggregate them with the batch's own.
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { newId } from '../../lib/ids.js';
import { manageBatch } from './access.js';
import { parseAnswer } from './answers.js';
import { insertImportedAnswers, selectWorkerItemPairsOfBatch } from './assignment-queries.js';
import type { TaskAnswer } from './batch-queries.js';
import { selectItemIdsOfBatch } from './item-queries.js';
import { readUploadRows, rowsRejected, type RowProblem } from './upload-rows.js';

/** Imported workers are named by the host's own ids, kept apart from account ids. */
export const importedWorkerRef = (worker: string) => `ext:${worker}`;

/**
 * Imports answers from a CSV with columns item (the item's externalId), worker (any id of the worker
 * elsewhere) and answer. Every row is checked first: an unknown item, an answer that does not fit the
 * batch, or a worker answering one item twice is reported by line and nothing is imported.
 * @example await importAnswers(ctx, actor, 'tb_1', 'item,worker,answer\na1,w7,cat\n') // { imported: 1, workers: 1 }
 */
export async function importAnswers(
  ctx: AppContext,
  actor: Actor,
  id: string,
  csv: string,
): Promise<{ imported: number; workers: number }> {
  // Why: only the batch's hosts may add answers to its results.
  const { batch } = await manageBatch(ctx.db, id, actor);
  const rows = readUploadRows({ body: csv, type: 'text/csv' }, 'The CSV holds no answers.');
  const missing = ['item', 'worker', 'answer'].filter((c) => !(c in rows[0]!.fields));
  if (missing.length)
    throw rowsRejected(
      [
        {
          line: 1,
          field: 'header',
          message: `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (expected item,worker,answer)`,
        },
      ],
      'CSV',
    );
  const items = new Map((await selectItemIdsOfBatch(ctx.db, id)).flatMap((r) => (r.externalId ? [[r.externalId, r.id] as const] : [])));
  const taken = new Set((await selectWorkerItemPairsOfBatch(ctx.db, id)).map((r) => `${r.item}\u0000${r.worker}`));
  const problems: RowProblem[] = [];
  const values: { id: string; itemId: string; workerRef: string; answer: TaskAnswer }[] = [];
  for (const { line, fields } of rows) {
    const ext = String(fields.item ?? '').trim();
    const worker = String(fields.worker ?? '').trim();
    const itemId = items.get(ext);
    if (!ext) problems.push({ line, field: 'item', message: 'is empty' });
    else if (!itemId) problems.push({ line, field: 'item', message: `no item with externalId "${ext.slice(0, 100)}" in this batch` });
    if (!worker) problems.push({ line, field: 'worker', message: 'is empty' });
    else if (worker.length > 200) problems.push({ line, field: 'worker', message: 'must be at most 200 characters' });
    const parsed = parseAnswer({ kind: batch.answerKind, labels: batch.labels }, fields.answer ?? '', true);
    if (!parsed.ok) problems.push({ line, field: 'answer', message: parsed.message });
    if (!itemId || !worker || !parsed.ok) continue;
    const key = `${itemId}\u0000${importedWorkerRef(worker)}`;
    if (taken.has(key)) {
      problems.push({ line, field: 'worker', message: `"${worker.slice(0, 100)}" already answered item "${ext.slice(0, 100)}"` });
      continue;
    }
    taken.add(key);
    values.push({ id: newId('ta'), itemId, workerRef: importedWorkerRef(worker), answer: parsed.value });
  }
  if (problems.length) throw rowsRejected(problems, 'CSV');
  const now = ctx.clock.now();
  await ctx.db.transaction((tx) => insertImportedAnswers(tx, id, values, now));
  return { imported: values.length, workers: new Set(values.map((v) => v.workerRef)).size };
}
