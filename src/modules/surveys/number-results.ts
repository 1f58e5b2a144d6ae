// Number questions with many different values. Most number questions have few distinct answers ("cups a day"):
// their value counts come from the tallies like every other question. When a question's tallies hold more than
// DISTINCT_LIMIT rows (amounts with decimals, say), shipping every value would be slow, so it is summarized in SQL
// from its answers instead: count, mean, standard deviation, range and median (percentile_cont) in one query, the
// histogram in a second.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { binningFor, binsFromCounts, meanInterval, type Bin, type Binning, type Interval } from '../../lib/statistics/index.js';
import type { Question } from './questions.js';
import { answerFilter, idList, rowsOf, type ResolvedSegment } from './segment-sql.js';

/** Above this many tally rows a number question is summarized in SQL. */
export const DISTINCT_LIMIT = 5000;

export interface NumberResult {
  id: string;
  kind: 'number';
  prompt: string;
  responses: number;
  mean: number | null;
  meanInterval: Interval | null;
  median: number | null;
  histogram: Bin[];
}

/**
 * The seqs of the number questions whose tallies hold more than `limit` rows.
 * @example const many = await manyValued(db, numberQuestions)
 */
export async function manyValued(db: Executor, questions: readonly Question[], limit = DISTINCT_LIMIT): Promise<Set<number>> {
  if (!questions.length) return new Set();
  const res = await db.execute(sql`
    SELECT question_seq FROM survey_tallies WHERE question_seq IN (${idList(questions.map((q) => q.seq))})
    GROUP BY 1 HAVING count(*) > ${limit}`);
  return new Set(rowsOf(res).map((r) => Number(r.question_seq)));
}

/**
 * The results of number questions for a segment, computed in SQL from their answers. The median is
 * percentile_cont(0.5) (the mean of the two middle values for an even count), the same as medianFromCounts.
 * @example const byQuestion = await numberResultsInSql(db, questions, { kind: 'all' })
 */
export async function numberResultsInSql(
  db: Executor,
  questions: readonly Question[],
  s: ResolvedSegment,
): Promise<Map<number, NumberResult>> {
  const out = new Map<number, NumberResult>();
  for (const q of questions)
    out.set(q.seq, {
      id: q.id,
      kind: 'number',
      prompt: q.prompt,
      responses: 0,
      mean: null,
      meanInterval: null,
      median: null,
      histogram: [],
    });
  if (!questions.length || (s.kind === 'only' && !s.responseSeqs.length)) return out;
  const condition = answerFilter(s);
  const res = await db.execute(sql`
    SELECT a.question_seq, count(*)::int AS n, avg(a.num) AS mean, stddev_samp(a.num) AS sd, min(a.num) AS lo, max(a.num) AS hi,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY a.num) AS median, bool_and(a.num = trunc(a.num)) AS ints
    FROM survey_answers a
    WHERE a.question_seq IN (${idList(questions.map((q) => q.seq))}) AND ${condition}
    GROUP BY 1`);
  const binnings = new Map<number, Binning>();
  for (const r of rowsOf(res)) {
    const seq = Number(r.question_seq);
    const n = Number(r.n);
    const mean = Number(r.mean);
    Object.assign(out.get(seq)!, {
      responses: n,
      mean,
      meanInterval: meanInterval({ n, mean, sd: r.sd === null ? 0 : Number(r.sd) }),
      median: Number(r.median),
    });
    binnings.set(seq, binningFor(Number(r.lo), Number(r.hi), n, r.ints === true || r.ints === 't'));
  }
  if (!binnings.size) return out;
  const specs = [...binnings].map(([q, b]) => ({ q, lo: b.lo, w: b.width, b: b.bins }));
  // The same bin formula as binOf.
  const bins = await db.execute(sql`
    SELECT a.question_seq, LEAST(sp.b - 1, GREATEST(0, floor((a.num - sp.lo) / sp.w)))::int AS bin, count(*)::int AS count
    FROM survey_answers a
    JOIN (SELECT (x->>'q')::bigint AS q, (x->>'lo')::float8 AS lo, (x->>'w')::float8 AS w, (x->>'b')::int AS b
          FROM jsonb_array_elements(${JSON.stringify(specs)}::jsonb) x) sp ON sp.q = a.question_seq
    WHERE ${condition}
    GROUP BY 1, 2`);
  const perQuestion = new Map<number, Map<number, number>>();
  for (const r of rowsOf(bins)) {
    const q = Number(r.question_seq);
    if (!perQuestion.has(q)) perQuestion.set(q, new Map());
    perQuestion.get(q)!.set(Number(r.bin), Number(r.count));
  }
  for (const [q, b] of binnings) out.get(q)!.histogram = binsFromCounts(b, perQuestion.get(q) ?? new Map());
  return out;
}
