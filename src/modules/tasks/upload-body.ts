// The body of an upload route (CSV or JSON Lines), read as text: parsing at the edge, before any use case.
import { invalid } from '../../lib/errors.js';
import type { Upload } from './upload-rows.js';

const UPLOAD_TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl'];

/**
 * The body of an upload route as text, with its content type; anything else is a 415-like 400.
 * @example const { body, type } = uploadBody(request)
 */
export function uploadBody(request: { headers: Record<string, unknown>; body: unknown }): Upload {
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (!UPLOAD_TYPES.some((t) => type.startsWith(t)) || typeof request.body !== 'string') {
    throw invalid('unsupported_content_type', 'Send text/csv or application/x-ndjson.', [
      { field: 'header.content-type', message: 'must be text/csv or application/x-ndjson' },
    ]);
  }
  return { body: request.body, type };
}

/** The body of a CSV-only upload route (imported answers) as text. */
export function csvUploadBody(request: { headers: Record<string, unknown>; body: unknown }): string {
  const { body, type } = uploadBody(request);
  if (!type.startsWith('text/csv'))
    throw invalid('unsupported_content_type', 'Send text/csv with columns item,worker,answer.', [
      { field: 'header.content-type', message: 'must be text/csv' },
    ]);
  return body;
}
