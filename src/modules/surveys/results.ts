// Survey results: counts aggregated in SQL (tallies for everyone, GROUP BY over a segment's answers otherwise),
// statistics computed here from the counts.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import {
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
  type Binning,
  type BordaScore,
  type Interval,
  type NpsResult,
  type PricePoint,
} from '../../lib/statistics/index.js';
import type { Survey } from './access.js';
import { isTallied, maskOptions, scaleTop, type Question } from './questions.js';
import type { Segment, SegmentFilter } from './segments.js';
import { countResponses } from './submit-response.js';
import { readTallies, type TallyCount } from './tallies.js';

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

/** Counts for the tallied questions in a segment: tallies, or raw counts, or tallies minus the excluded accounts' raw counts. */
async function talliedCounts(db: Executor, surveyId: string, seqs: number[], f: SegmentFilter): Promise<TallyCount[]> {
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
  const total = f.kind === 'only' ? 0 : await countResponses(db, survey.id);
  if (f.kind === 'all') return total;
  if (!f.userIds.length) return total;
  const res = await db.execute(sql`SELECT count(*)::int AS n FROM ${responsesOf(survey.id, f.userIds)} s`);
  const n = Number(rowsOf(res)[0]?.n ?? 0);
  return f.kind === 'only' ? n : total - n;
}

interface NumberStats {
  n: number;
  mean: number | null;
  sd: number | null;
  min: number;
  max: number;
  median: number | null;
  integers: boolean;
}

/** Count, mean, standard deviation, range and median of every number question, in one query. */
async function numberStats(db: Executor, seqs: number[], condition: SQL): Promise<Map<number, NumberStats>> {
  if (!seqs.length) return new Map();
  const res = await db.execute(sql`
    SELECT a.question_seq, count(*)::int AS n, avg(a.num) AS mean, stddev_samp(a.num) AS sd, min(a.num) AS min, max(a.num) AS max,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY a.num) AS median, bool_and(a.num = trunc(a.num)) AS integers
    FROM survey_answers a
    WHERE a.question_seq IN (${idList(seqs)}) AND ${condition}
    GROUP BY 1`);
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return new Map(
    rowsOf(res).map((r) => [
      Number(r.question_seq),
      { n: Number(r.n), mean: num(r.mean), sd: num(r.sd), min: Number(r.min), max: Number(r.max), median: num(r.median), integers: r.integers === true || r.integers === 't' },
    ]),
  );
}

/** Histogram counts of every number question with its binning, in one query (same bin formula as binOf). */
async function numberHistograms(db: Executor, binnings: Map<number, Binning>, condition: SQL): Promise<Map<number, Map<number, number>>> {
  const specs = [...binnings].filter(([, b]) => b.bins > 0).map(([q, b]) => ({ q, lo: b.lo, w: b.width, b: b.bins }));
  const out = new Map<number, Map<number, number>>();
  if (!specs.length) return out;
  const res = await db.execute(sql`
    SELECT a.question_seq, LEAST(s.b - 1, GREATEST(0, floor((a.num - s.lo) / s.w)))::int AS bin, count(*)::int AS count
    FROM survey_answers a
    JOIN (SELECT (x->>'q')::bigint AS q, (x->>'lo')::float8 AS lo, (x->>'w')::float8 AS w, (x->>'b')::int AS b
          FROM jsonb_array_elements(${JSON.stringify(specs)}::jsonb) x) s ON s.q = a.question_seq
    WHERE ${condition}
    GROUP BY 1, 2`);
  for (const r of rowsOf(res)) {
    const q = Number(r.question_seq);
    if (!out.has(q)) out.set(q, new Map());
    out.get(q)!.set(Number(r.bin), Number(r.count));
  }
  return out;
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
    case 'number':
      throw new Error('number questions are not tallied');
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
  const tallied = questions.filter((q) => isTallied(q.kind)).map((q) => q.seq);
  const numbers = questions.filter((q) => q.kind === 'number').map((q) => q.seq);
  const condition = filter.kind === 'only' && !filter.userIds.length ? sql`FALSE` : answerFilter(survey.id, filter);
  const responses = await segmentResponses(db, survey, filter);
  const counts = await talliedCounts(db, survey.id, tallied, filter);
  const stats = await numberStats(db, numbers, condition);
  const binnings = new Map([...stats].map(([q, s]) => [q, binningFor(s.min, s.max, s.n, s.integers)]));
  const bins = await numberHistograms(db, binnings, condition);

  const results: QuestionResult[] = [];
  for (const q of questions) {
    if (q.kind === 'number') {
      const s = stats.get(q.seq);
      const n = s?.n ?? 0;
      results.push({
        id: q.id,
        kind: q.kind,
        prompt: q.prompt,
        responses: n,
        mean: s?.mean ?? null,
        meanInterval: s && s.mean !== null ? meanInterval({ n, mean: s.mean, sd: s.sd ?? 0 }) : null,
        median: s?.median ?? null,
        histogram: s ? binsFromCounts(binnings.get(q.seq)!, bins.get(q.seq) ?? new Map()) : [],
      });
      continue;
    }
    const r = fromCounts(
      q,
      counts.filter((c) => c.questionSeq === q.seq),
    );
    if (q.kind === 'text' && includeTexts) r.texts = await latestTexts(db, q.seq, condition);
    results.push(r);
  }
  return { surveyId: survey.id, segment, responses, questions: results };
}
