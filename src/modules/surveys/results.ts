// Survey results: counts aggregated in SQL (running tallies for everyone, a GROUP BY over a segment's answers
// otherwise), every statistic computed here from those counts (numbers too: their value counts are exact).
import { sql, type SQL } from 'drizzle-orm';
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
import type { Segment, SegmentFilter } from './segments.js';
import { countResponses, readTallies, type TallyCount } from './tallies.js';

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
const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
const idList = (ids: readonly number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/** The survey's responses whose account is in the list, as a sub-select of their seqs. */
const responsesOf = (surveyId: string, userIds: string[]) =>
  sql`(SELECT r.seq FROM survey_responses r WHERE r.survey_id = ${surveyId} AND r.user_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(userIds)}::jsonb)))`;

/** The SQL condition on answers `a` that keeps a segment. */
function answerFilter(surveyId: string, f: SegmentFilter): SQL {
  if (f.kind === 'all') return sql`TRUE`;
  if (f.kind === 'only') return sql`a.response_seq IN ${responsesOf(surveyId, f.userIds)}`;
  return sql`a.response_seq NOT IN ${responsesOf(surveyId, f.userIds)}`;
}

/** Grouped counts straight from the answers of some responses. */
async function rawCounts(db: Executor, questionSeqs: number[], condition: SQL): Promise<TallyCount[]> {
  if (!questionSeqs.length) return [];
  const res = await db.execute(sql`
    SELECT a.question_seq, a.item, a.num, count(*)::int AS count
    FROM survey_answers a
    WHERE a.question_seq IN (${idList(questionSeqs)}) AND ${condition}
    GROUP BY 1, 2, 3`);
  return rowsOf(res).map((r) => ({ questionSeq: Number(r.question_seq), item: Number(r.item), num: Number(r.num), count: Number(r.count) }));
}

/** Counts for a segment: the tallies (everyone), a GROUP BY over the segment's answers, or the tallies minus the excluded accounts' counts. */
async function segmentCounts(db: Executor, surveyId: string, seqs: number[], f: SegmentFilter): Promise<TallyCount[]> {
  if (f.kind === 'all') return readTallies(db, seqs);
  if (f.kind === 'only') return f.userIds.length ? rawCounts(db, seqs, answerFilter(surveyId, f)) : [];
  const all = await readTallies(db, seqs);
  if (!f.userIds.length) return all;
  const excluded = await rawCounts(db, seqs, answerFilter(surveyId, { kind: 'only', userIds: f.userIds }));
  const key = (c: TallyCount) => `${c.questionSeq}|${c.item}|${c.num}`;
  const minus = new Map(excluded.map((c) => [key(c), c.count]));
  return all.map((c) => ({ ...c, count: c.count - (minus.get(key(c)) ?? 0) })).filter((c) => c.count > 0);
}

async function segmentResponses(db: Executor, survey: Survey, f: SegmentFilter): Promise<number> {
  if (f.kind === 'only' && !f.userIds.length) return 0;
  const total = f.kind === 'only' ? 0 : await countResponses(db, survey.id);
  if (f.kind === 'all' || !f.userIds.length) return total;
  const res = await db.execute(sql`SELECT count(*)::int AS n FROM ${responsesOf(survey.id, f.userIds)} s`);
  const n = Number(rowsOf(res)[0]?.n ?? 0);
  return f.kind === 'only' ? n : total - n;
}

/** The latest free-text answers of a question. */
async function latestTexts(db: Executor, seq: number, condition: SQL): Promise<string[]> {
  const res = await db.execute(sql`
    SELECT a.text_value FROM survey_answers a
    WHERE a.question_seq = ${seq} AND a.text_value IS NOT NULL AND ${condition}
    ORDER BY a.response_seq DESC LIMIT ${TEXT_SAMPLE}`);
  return rowsOf(res).map((r) => String(r.text_value));
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
      const binning = binningFor(Math.min(...values), Math.max(...values), m.n, values.every(Number.isInteger));
      const perBin = new Map<number, number>();
      for (const [v, c] of pairs) perBin.set(binOf(v, binning), (perBin.get(binOf(v, binning)) ?? 0) + c);
      return { ...base, responses: m.n, mean: m.mean, meanInterval: meanInterval(m), median: medianFromCounts(pairs), histogram: binsFromCounts(binning, perBin) };
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
): Promise<SurveyResults> {
  const responses = await segmentResponses(db, survey, filter);
  const counts = await segmentCounts(db, survey.id, questions.map((q) => q.seq), filter);
  const bySeq = new Map<number, TallyCount[]>();
  for (const c of counts) {
    const list = bySeq.get(c.questionSeq) ?? [];
    list.push(c);
    bySeq.set(c.questionSeq, list);
  }
  const condition = filter.kind === 'only' && !filter.userIds.length ? sql`FALSE` : answerFilter(survey.id, filter);
  const results: QuestionResult[] = [];
  for (const q of questions) {
    const r = fromCounts(q, bySeq.get(q.seq) ?? []);
    if (q.kind === 'text' && includeTexts) r.texts = await latestTexts(db, q.seq, condition);
    results.push(r);
  }
  return { surveyId: survey.id, segment, responses, questions: results };
}
