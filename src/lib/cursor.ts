/**
 * Opaque pagination cursors: a position (a sort value and an id to break ties) encoded as base64url JSON.
 * @example decodeCursor(encodeCursor({ v: '2026-01-01', id: 'prj_1' })) // { v: '2026-01-01', id: 'prj_1' }
 */
export interface CursorPosition {
  v: string | number;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorPosition;
    if (parsed && (typeof parsed.v === 'string' || typeof parsed.v === 'number') && typeof parsed.id === 'string') return parsed;
  } catch {
    /* fall through */
  }
  return null;
}

/** Splits one extra fetched row off a page and makes the next cursor from the last row kept. */
export function pageOf<T>(rows: T[], limit: number, positionOf: (row: T) => CursorPosition) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit && items.length ? encodeCursor(positionOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}
