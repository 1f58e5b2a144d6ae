// Number questions with many different values. Most number questions have few distinct answers ("cups a day"):
// their value counts come from the tallies like every other question. When a question's tallies hold more than
// DISTINCT_LIMIT rows (amounts with decimals, say), shipping every value would be slow, so it is summarized in SQL
// from its answers instead: count, mean, standard deviation, range and median (percentile_cont) in one query, the
// histogram in a second.
import type { Executor } from '../../db/client.js';
import { binningFor, binsFromCounts, meanInterval, type Bin, type Binning, type Interval } from '../../lib/statistics/index.js';
import type { Question } from './questions.js';
import { countNumberBins, selectNumberSummaries, selectQuestionsWithManyTallies } from './results-queries.js';
import type { ResolvedSegment } from './segment-sql.js';

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
  return selectQuestionsWithManyTallies(
    db,
    questions.map((q) => q.seq),
    limit,
  );
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
  const binnings = new Map<number, Binning>();
  for (const r of await selectNumberSummaries(
    db,
    questions.map((q) => q.seq),
    s,
  )) {
    Object.assign(out.get(r.questionSeq)!, {
      responses: r.n,
      mean: r.mean,
      meanInterval: meanInterval({ n: r.n, mean: r.mean, sd: r.sd ?? 0 }),
      median: r.median,
    });
    binnings.set(r.questionSeq, binningFor(r.lo, r.hi, r.n, r.ints));
  }
  if (!binnings.size) return out;
  const perQuestion = await countNumberBins(
    db,
    [...binnings].map(([questionSeq, b]) => ({ questionSeq, lo: b.lo, width: b.width, bins: b.bins })),
    s,
  );
  for (const [q, b] of binnings) out.get(q)!.histogram = binsFromCounts(b, perQuestion.get(q) ?? new Map());
  return out;
}
