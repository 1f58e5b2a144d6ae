// A segment as SQL: the seqs of the responses it keeps or leaves out, and the condition on answer rows.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import type { SegmentFilter } from './segments.js';

export { rowsOf };

export const idList = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** A segment resolved to the seqs of the survey's responses it keeps (or leaves out). */
export type ResolvedSegment = { kind: 'all' } | { kind: 'only' | 'except'; responseSeqs: number[] };

/** One query: the seqs of the survey's responses given by the listed accounts. */
export async function resolveSegment(db: Executor, surveyId: string, f: SegmentFilter): Promise<ResolvedSegment> {
  if (f.kind === 'all') return f;
  if (!f.userIds.length) return { kind: f.kind, responseSeqs: [] };
  const res = await db.execute(sql`
    SELECT r.seq FROM survey_responses r
    WHERE r.survey_id = ${surveyId} AND r.user_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(f.userIds)}::jsonb))`);
  return { kind: f.kind, responseSeqs: rowsOf(res).map((r) => Number(r.seq)) };
}

/** The SQL condition on answers `a` that keeps a segment (the seqs go as one array parameter). */
export function answerFilter(s: ResolvedSegment): SQL {
  if (s.kind === 'all') return sql`TRUE`;
  const list = sql`${`{${s.responseSeqs.join(',')}}`}::bigint[]`;
  return s.kind === 'only' ? sql`a.response_seq = ANY(${list})` : sql`NOT (a.response_seq = ANY(${list}))`;
}
