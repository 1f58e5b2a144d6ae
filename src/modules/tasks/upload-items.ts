// Uploading items (CSV or JSON Lines): every row is checked first; one bad row and nothing is inserted.
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { conflict } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { forgetBatchForWork, manageBatch } from './access.js';
import { parseAnswer, type AnswerSpec } from './answers.js';
import { addItemCounts, type TaskAnswer } from './batch-queries.js';
import { analyzeItems, insertItems, selectItemIdsOfBatch } from './item-queries.js';
import { readUploadRows, rowsRejected, type RowProblem, type SourceRow, type Upload } from './upload-rows.js';

interface ItemRow {
  id: string;
  externalId: string | null;
  data: Record<string, unknown>;
  gold: TaskAnswer | null;
}

/** Checks item rows: externalId unique (in the file and the batch), gold valid for the answer kind, some data. */
export function checkItemRows(rows: SourceRow[], spec: AnswerSpec, existing: Set<string>): { items: ItemRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  const items: ItemRow[] = [];
  for (const { line, fields } of rows) {
    const { externalId: rawId, gold: rawGold, ...data } = fields;
    let externalId: string | null = null;
    if (rawId !== undefined && rawId !== null && rawId !== '') {
      if (typeof rawId !== 'string' && typeof rawId !== 'number') problems.push({ line, field: 'externalId', message: 'must be a string' });
      else {
        externalId = String(rawId).trim();
        if (externalId.length > 200) problems.push({ line, field: 'externalId', message: 'must be at most 200 characters' });
        else if (seen.has(externalId) || existing.has(externalId))
          problems.push({ line, field: 'externalId', message: `"${externalId}" is used twice` });
        seen.add(externalId);
      }
    }
    let gold: TaskAnswer | null = null;
    if (rawGold !== undefined && rawGold !== null && rawGold !== '') {
      const parsed = parseAnswer(spec, rawGold, typeof rawGold === 'string');
      if (parsed.ok) gold = parsed.value;
      else problems.push({ line, field: 'gold', message: parsed.message });
    }
    if (!Object.keys(data).length) problems.push({ line, field: 'data', message: 'has no data besides externalId and gold' });
    items.push({ id: newId('ti'), externalId, data, gold });
  }
  return { items, problems };
}

/** Uploads at least this large refresh the items table's statistics. */
const ANALYZE_AFTER = 1_000;

/**
 * Adds items to a draft batch from a CSV or JSON Lines body, all or nothing, in multi-row inserts inside one
 * transaction. Bad rows answer 400 with `details: [{ line, field, message }]` (first 50).
 * @example await uploadItems(ctx, actor, 'tb_1', { body: 'externalId,url\n1,https://…\n', type: 'text/csv' }) // { inserted: 1, total: 1 }
 */
export async function uploadItems(ctx: AppContext, actor: Actor, id: string, upload: Upload): Promise<{ inserted: number; total: number }> {
  const { batch } = await manageBatch(ctx.db, id, actor);
  if (batch.status !== 'draft')
    throw conflict('batch_not_draft', 'Items can be added only while the batch is a draft (its budget is set when it is published).');
  const rows = readUploadRows(upload, 'The upload holds no items.');
  const existing = new Set((await selectItemIdsOfBatch(ctx.db, id)).flatMap((r) => (r.externalId ? [r.externalId] : [])));
  const { items, problems } = checkItemRows(rows, { kind: batch.answerKind, labels: batch.labels }, existing);
  if (problems.length) throw rowsRejected(problems, 'upload');
  const gold = items.filter((i) => i.gold !== null).length;
  const result = await ctx.db.transaction(async (tx) => {
    await insertItems(
      tx,
      id,
      items.map((it) => ({ ...it, wanted: it.gold !== null ? batch.maxOverlap : batch.minOverlap })),
    );
    const total = await addItemCounts(tx, id, { items: items.length, gold, now: ctx.clock.now() });
    forgetBatchForWork(id);
    return { inserted: items.length, total };
  });
  // Why: after a bulk load the planner's statistics still describe the table before it; with them, the lease
  // query's plan sorted every open item of the batch instead of walking the open-items index in order.
  if (items.length >= ANALYZE_AFTER) await analyzeItems(ctx.db);
  return result;
}
