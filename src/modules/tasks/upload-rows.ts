// Rows of an uploaded CSV or JSON Lines body, each with its line, and the one error that lists the bad ones: what
// the item upload and the answer import share.
import { parse } from 'csv-parse/sync';
import { invalid } from '../../lib/errors.js';

/** An upload body and its content type, as the route read them (upload-body.ts). */
export interface Upload {
  body: string;
  type: string;
}

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

/**
 * The rows of an upload, at least one: an upload without any is a 400 `empty_upload` with this message.
 * @example const rows = readUploadRows({ body, type: 'text/csv' }, 'The CSV holds no answers.')
 */
export function readUploadRows(upload: Upload, emptyMessage: string): SourceRow[] {
  const rows = readRows(upload.body, upload.type);
  if (!rows.length) throw invalid('empty_upload', emptyMessage, [{ line: 1, field: 'body', message: 'no rows' }]);
  return rows;
}
