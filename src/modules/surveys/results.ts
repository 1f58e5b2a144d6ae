// Survey results: counts aggregated in SQL (running tallies for everyone, a GROUP BY over a segment's answers
// otherwise), statistics computed here from those counts; number questions with many distinct values are summarized
// in SQL instead (number-results.ts).
import type { Executor } from '../../db/client.js';
import {
  binOf,
  binningFor,
  binsFromCounts,
  borda,
  meanInterval,
  medianFromCounts,
  momentsFromCounts,
  npsFromCounts,
  priceSensitivityFromCounts,
  wilsonInterval,
  type Bin,
  type BordaScore,
  type Interval,
  type NpsResult,
  type PricePoint,
} from '../../lib/statistics/index.js';
import type { Survey } from './access.js';
import { maskOptions, scaleTop, type Question } from './questions.js';
import { manyValued, numberResultsInSql } from './number-results.js';
import { countAnswersOfResponses, selectLatestTexts } from './results-queries.js';
import type { ResolvedSegment } from './segment-sql.js';
import { resolveSegment, type Segment, type SegmentFilter } from './segments.js';
import { countResponses, readTallies, type TallyCount } from './tally-queries.js';

export interface OptionResult {
  label: string;
  count: number;
  share: number;
  interval: Interval;
}

export interface QuestionResult {
  id: string;
  kind: Question['kind'];
  prompt: string;
  /** How many respondents (in the segment) answered this question. */
  responses: number;
  options?: OptionResult[];
  mean?: number | null;
  meanInterval?: Interval | null;
  median?: number | null;
  histogram?: Bin[];
  nps?: NpsResult;
  borda?: (Omit<BordaScore, 'option'> & { label: string })[];
  price?: {
    currency: string | null;
    curves: PricePoint[];
    acceptableRange: [number, number] | null;
    optimalPricePoint: number | null;
    indifferencePricePoint: number | null;
    pointOfMarginalCheapness: number | null;
    pointOfMarginalExpensiveness: number | null;
  };
  texts?: string[];
}

export interface SurveyResults {
  surveyId: string;
  segment: Segment;
  responses: number;
  questions: QuestionResult[];
}

const TEXT_SAMPLE = 20;

/** Counts for a segment: the tallies (everyone), a GROUP BY over the segment's answers, or the tallies minus the left-out responses' counts. */
async function segmentCounts(db: Executor, questionSeqs: number[], s: ResolvedSegment): Promise<TallyCount[]> {
  if (s.kind === 'all') return readTallies(db, questionSeqs);
  if (s.kind === 'only') return countAnswersOfResponses(db, questionSeqs, s.responseSeqs);
  const all = await readTallies(db, questionSeqs);
  if (!s.responseSeqs.length) return all;
  const excluded = await countAnswersOfResponses(db, questionSeqs, s.responseSeqs);
  const key = (c: TallyCount) => `${c.questionSeq}|${c.item}|${c.num}`;
  const minus = new Map(excluded.map((c) => [key(c), c.count]));
  return all.map((c) => ({ ...c, count: c.count - (minus.get(key(c)) ?? 0) })).filter((c) => c.count > 0);
}

async function segmentResponses(db: Executor, survey: Survey, s: ResolvedSegment): Promise<number> {
  if (s.kind === 'only') return s.responseSeqs.length;
  const total = await countResponses(db, survey.id);
  return s.kind === 'all' ? total : total - s.responseSeqs.length;
}

function optionResults(labels: string[], counts: number[], n: number): OptionResult[] {
  return labels.map((label, i) => {
    const count = counts[i] ?? 0;
    return { label, count, share: n ? count / n : 0, interval: wilsonInterval(count, n) };
  });
}

function valueSummary(pairs: [number, number][], from: number, to: number) {
  const m = momentsFromCounts(pairs);
  const byValue = new Map(pairs);
  return {
    mean: m.n ? m.mean : null,
    meanInterval: meanInterval(m),
    median: medianFromCounts(pairs),
    histogram: Array.from({ length: to - from + 1 }, (_, i) => ({ from: from + i, to: from + i + 1, count: byValue.get(from + i) ?? 0 })),
  };
}

/** Builds one tallied question's result from its counts. */
function fromCounts(q: Question, counts: TallyCount[]): QuestionResult {
  const base = { id: q.id, kind: q.kind, prompt: q.prompt };
  const sum = (list: TallyCount[]) => list.reduce((s, c) => s + c.count, 0);
  switch (q.kind) {
    case 'single': {
      const n = sum(counts);
      const per = q.options.map((_, i) => sum(counts.filter((c) => c.item === i)));
      return { ...base, responses: n, options: optionResults(q.options, per, n) };
    }
    case 'multiple': {
      const n = sum(counts);
      const per = new Array<number>(q.options.length).fill(0);
      for (const c of counts) for (const i of maskOptions(c.num, q.options.length)) per[i]! += c.count;
      return { ...base, responses: n, options: optionResults(q.options, per, n) };
    }
    case 'scale': {
      const pairs = counts.map((c) => [c.num, c.count] as [number, number]);
      return { ...base, responses: sum(counts), ...valueSummary(pairs, 1, scaleTop(q)) };
    }
    case 'nps': {
      const pairs = counts.map((c) => [c.num, c.count] as [number, number]);
      return { ...base, responses: sum(counts), ...valueSummary(pairs, 0, 10), nps: npsFromCounts(pairs) };
    }
    case 'text':
      return { ...base, responses: sum(counts) };
    case 'ranking': {
      const positions = q.options.map(() => new Array<number>(q.options.length).fill(0));
      for (const c of counts) if (positions[c.item] && c.num < q.options.length) positions[c.item]![c.num]! += c.count;
      const n = sum(counts.filter((c) => c.num === 0));
      return { ...base, responses: n, borda: borda(positions).map(({ option, ...s }) => ({ label: q.options[option]!, ...s })) };
    }
    case 'price': {
      const part = (i: number) => counts.filter((c) => c.item === i).map((c) => [c.num, c.count] as const);
      const ps = priceSensitivityFromCounts({ tooCheap: part(0), cheap: part(1), expensive: part(2), tooExpensive: part(3) });
      return {
        ...base,
        responses: ps.respondents,
        price: {
          currency: q.currency,
          curves: ps.curves,
          acceptableRange: ps.acceptableRange,
          optimalPricePoint: ps.optimalPricePoint,
          indifferencePricePoint: ps.indifferencePricePoint,
          pointOfMarginalCheapness: ps.pointOfMarginalCheapness,
          pointOfMarginalExpensiveness: ps.pointOfMarginalExpensiveness,
        },
      };
    }
    case 'number': {
      const pairs = counts.map((c) => [c.num, c.count] as [number, number]);
      const m = momentsFromCounts(pairs);
      if (!m.n) return { ...base, responses: 0, mean: null, meanInterval: null, median: null, histogram: [] };
      const values = pairs.map(([v]) => v);
      const binning = binningFor(
        values.reduce((a, b) => Math.min(a, b)),
        values.reduce((a, b) => Math.max(a, b)),
        m.n,
        values.every(Number.isInteger),
      );
      const perBin = new Map<number, number>();
      for (const [v, c] of pairs) perBin.set(binOf(v, binning), (perBin.get(binOf(v, binning)) ?? 0) + c);
      return {
        ...base,
        responses: m.n,
        mean: m.mean,
        meanInterval: meanInterval(m),
        median: medianFromCounts(pairs),
        histogram: binsFromCounts(binning, perBin),
      };
    }
  }
}

/**
 * The results of a survey for a segment: a handful of queries whatever the number of responses.
 * `includeTexts` adds the latest free-text answers (hosts only).
 * @example await surveyResults(db, survey, questions, { kind: 'all' }, 'everyone', true)
 */
export async function surveyResults(
  db: Executor,
  survey: Survey,
  questions: readonly Question[],
  filter: SegmentFilter,
  segment: Segment,
  includeTexts: boolean,
  opts: { distinctLimit?: number } = {},
): Promise<SurveyResults> {
  const segmentSeqs = await resolveSegment(db, survey.id, filter);
  const responses = await segmentResponses(db, survey, segmentSeqs);
  // Number questions with many different values are summarized in SQL; every other question from its value counts.
  const many = await manyValued(
    db,
    questions.filter((q) => q.kind === 'number'),
    opts.distinctLimit,
  );
  const counts = await segmentCounts(
    db,
    questions.filter((q) => !many.has(q.seq)).map((q) => q.seq),
    segmentSeqs,
  );
  const numbers = await numberResultsInSql(
    db,
    questions.filter((q) => many.has(q.seq)),
    segmentSeqs,
  );
  const bySeq = new Map<number, TallyCount[]>();
  for (const c of counts) {
    const list = bySeq.get(c.questionSeq) ?? [];
    list.push(c);
    bySeq.set(c.questionSeq, list);
  }
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const r: QuestionResult = many.has(q.seq) ? numbers.get(q.seq)! : fromCounts(q, bySeq.get(q.seq) ?? []);
    if (q.kind === 'text' && includeTexts) r.texts = await selectLatestTexts(db, q.seq, segmentSeqs, TEXT_SAMPLE);
    results.push(r);
  }
  return { surveyId: survey.id, segment, responses, questions: results };
}
