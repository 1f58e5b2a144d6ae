import { invalid } from '../../lib/errors.js';
import { type CursorPosition, decodeCursor } from '../../lib/cursor.js';

/**
 * The position of a list sorted by time, or null without a cursor; a cursor of another list is refused.
 * @example const pos = decodeTimeCursor(q.cursor) // { v: '2026-03-01T10:00:00.000000Z', id: 'cmt_1' } | null
 */
export function decodeTimeCursor(cursor: string | undefined): CursorPosition | null {
  const pos = decodeCursor(cursor);
  if (cursor && (!pos || typeof pos.v !== 'string' || Number.isNaN(Date.parse(pos.v)))) {
    throw invalid('invalid_cursor', 'This cursor does not belong to this list: start again without it.', { field: 'querystring.cursor' });
  }
  return pos;
}
