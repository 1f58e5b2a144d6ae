// Uploading items (CSV or JSON Lines): every row is checked first; one bad row and nothing is inserted.
import { parse } from 'csv-parse/sync';
import type { AppContext } from '../../context.js';
import type { Actor } from '../../http/auth.js';
import { conflict, invalid } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { forgetBatchForWork, manageBatch } from './access.js';
import { parseAnswer, type AnswerSpec } from './answers.js';
import { addItemCounts, type TaskAnswer } from './batch-queries.js';
import { analyzeItems, insertItems, selectItemIdsOfBatch } from './item-queries.js';

export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

/** Rows with the line they came from (1-based; a CSV's header is line 1). */
export interface SourceRow {
  line: number;
  fields: Record<string, unknown>;
}

const MAX_LISTED = 50;

/** Too many problems: the first 50 are listed, the message gives the count. */
export function rowsRejected(problems: RowProblem[], what: string) {
  return invalid(
    'invalid_rows',
    `${problems.length} problem${problems.length > 1 ? 's' : ''} in the ${what}; nothing was imported. First: line ${problems[0]!.line}, ${problems[0]!.field}: ${problems[0]!.message}`,
    problems.slice(0, MAX_LISTED),
  );
}

/**
 * Reads a CSV (first line: headers) or JSON Lines body into rows with their line numbers.
 * @example readRows('externalId,text\na,hello\n', 'text/csv') // [{ line: 2, fields: { externalId: 'a', text: 'hello' } }]
 */
export function readRows(body: string, contentType: string): SourceRow[] {
  if (contentType.startsWith('text/csv')) {
    try {
      const records = parse(body, { columns: true, skip_empty_lines: true, bom: true, info: true }) as {
        info: { lines: number };
        record: Record<string, string>;
      }[];
      return records.map((r) => ({ line: r.info.lines, fields: r.record }));
    } catch (e) {
      const err = e as { lines?: number; message: string };
      throw rowsRejected([{ line: err.lines ?? 1, field: 'csv', message: err.message }], 'CSV');
    }
  }
  const rows: SourceRow[] = [];
  const problems: RowProblem[] = [];
  body.split('\n').forEach((text, i) => {
    if (!text.trim()) return;
    try {
      const value = JSON.parse(text) as unknown;
      if (!value || typeof value !== 'object' || Array.isArray(value))
        problems.push({ line: i + 1, field: 'line', message: 'must be a JSON object' });
      else rows.push({ line: i + 1, fields: value as Record<string, unknown> });
    } catch {
      problems.push({ line: i + 1, field: 'line', message: 'is not valid JSON' });
    }
  });
  if (problems.length) throw rowsRejected(problems, 'upload');
  return rows;
}

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
 * @example await uploadItems(ctx, actor, 'tb_1', 'externalId,url\n1,https://…\n', 'text/csv') // { inserted: 1, total: 1 }
 */
export async function uploadItems(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: string,
  contentType: string,
): Promise<{ inserted: number; total: number }> {
  const { batch } = await manageBatch(ctx.db, id, actor);
  if (batch.status !== 'draft')
    throw conflict('batch_not_draft', 'Items can be added only while the batch is a draft (its budget is set when it is published).');
  const rows = readRows(body, contentType);
  if (!rows.length) throw invalid('empty_upload', 'The upload holds no items.', [{ line: 1, field: 'body', message: 'no rows' }]);
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
