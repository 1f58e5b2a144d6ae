import type { AppContext } from '../../context.js';
import { pageOf } from '../../lib/cursor.js';
import { selectReportPage, selectReports } from './moderation-queries.js';
import { presentReports } from './present-reports.js';
import { decodeTimeCursor } from './time-cursor.js';

/**
 * The operators' queue: open reports oldest first (or resolved / all, newest first), each with what it is about.
 * @example await listReports(ctx, { status: 'open', limit: 50 })
 */
export async function listReports(ctx: AppContext, q: { status: 'open' | 'resolved' | 'all'; limit: number; cursor?: string }) {
  const after = decodeTimeCursor(q.cursor);
  const rows = await selectReportPage(ctx.db, { status: q.status, oldestFirst: q.status === 'open', after, limit: q.limit + 1 });
  const page = pageOf(rows, q.limit, (r) => ({ v: r.created_key, id: r.id }));
  const reports = await selectReports(
    ctx.db,
    page.items.map((r) => r.id),
  );
  return { items: await presentReports(ctx.db, reports), nextCursor: page.nextCursor };
}
