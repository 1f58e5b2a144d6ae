// A segment as SQL: the condition on answer rows that keeps the responses it keeps, and a list of seqs.
import { sql, type SQL } from 'drizzle-orm';

export const idList = (ids: readonly number[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** A segment resolved to the seqs of the survey's responses it keeps (or leaves out). */
export type ResolvedSegment = { kind: 'all' } | { kind: 'only' | 'except'; responseSeqs: number[] };

/** The SQL condition on answers `a` that keeps a segment (the seqs go as one array parameter). */
export function answerFilter(s: ResolvedSegment): SQL {
  if (s.kind === 'all') return sql`TRUE`;
  const list = sql`${`{${s.responseSeqs.join(',')}}`}::bigint[]`;
  return s.kind === 'only' ? sql`a.response_seq = ANY(${list})` : sql`NOT (a.response_seq = ANY(${list}))`;
}
