// The aggregates the results read straight from the answers (survey_answers, survey_tallies): grouped counts of some
// responses, the latest free texts, and the summaries of number questions with many distinct values. Written out as
// SQL because the results are measured (bench/surveys.ts); keep them lean.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { answerFilter, idList, type ResolvedSegment } from './segment-sql.js';
import type { TallyCount } from './tally-queries.js';

/** The seqs of a survey's responses given by the listed accounts, one query. */
export async function selectResponseSeqsOfUsers(db: Executor, surveyId: string, userIds: readonly string[]): Promise<number[]> {
  const res = await db.execute(sql`
    SELECT r.seq FROM survey_responses r
    WHERE r.survey_id = ${surveyId} AND r.user_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(userIds)}::jsonb))`);
  return rowsOf(res).map((r) => Number(r.seq));
}

/** Grouped counts (question, item, num) straight from the answers of some responses. */
export async function countAnswersOfResponses(db: Executor, questionSeqs: number[], responseSeqs: number[]): Promise<TallyCount[]> {
  if (!questionSeqs.length || !responseSeqs.length) return [];
  const res = await db.execute(sql`
    SELECT a.question_seq, a.item, a.num, count(*)::int AS count
    FROM survey_answers a
    WHERE a.question_seq IN (${idList(questionSeqs)}) AND ${answerFilter({ kind: 'only', responseSeqs })}
    GROUP BY 1, 2, 3`);
  return rowsOf(res).map((r) => ({
    questionSeq: Number(r.question_seq),
    item: Number(r.item),
    num: Number(r.num),
    count: Number(r.count),
  }));
}

/** The latest `limit` free-text answers of a question in a segment, newest response first. */
export async function selectLatestTexts(db: Executor, seq: number, s: ResolvedSegment, limit: number): Promise<string[]> {
  const res = await db.execute(sql`
    SELECT a.text_value FROM survey_answers a
    WHERE a.question_seq = ${seq} AND a.text_value IS NOT NULL AND ${answerFilter(s)}
    ORDER BY a.response_seq DESC LIMIT ${limit}`);
  return rowsOf(res).map((r) => String(r.text_value));
}

/**
 * The seqs of the questions whose tallies hold more than `limit` rows.
 * @example const many = await selectQuestionsWithManyTallies(db, [12, 13], 5000)
 */
export async function selectQuestionsWithManyTallies(db: Executor, questionSeqs: readonly number[], limit: number): Promise<Set<number>> {
  if (!questionSeqs.length) return new Set();
  const res = await db.execute(sql`
    SELECT question_seq FROM survey_tallies WHERE question_seq IN (${idList(questionSeqs)})
    GROUP BY 1 HAVING count(*) > ${limit}`);
  return new Set(rowsOf(res).map((r) => Number(r.question_seq)));
}

/** The summary of one number question's answers in a segment. */
export interface NumberSummary {
  questionSeq: number;
  n: number;
  mean: number;
  /** Null with a single answer. */
  sd: number | null;
  lo: number;
  hi: number;
  /** percentile_cont(0.5): the mean of the two middle values for an even count. */
  median: number;
  /** Whether every answer is a whole number. */
  ints: boolean;
}

/** Count, mean, standard deviation, range and median of the answers of some number questions in a segment, one query. */
export async function selectNumberSummaries(db: Executor, questionSeqs: readonly number[], s: ResolvedSegment): Promise<NumberSummary[]> {
  const res = await db.execute(sql`
    SELECT a.question_seq, count(*)::int AS n, avg(a.num) AS mean, stddev_samp(a.num) AS sd, min(a.num) AS lo, max(a.num) AS hi,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY a.num) AS median, bool_and(a.num = trunc(a.num)) AS ints
    FROM survey_answers a
    WHERE a.question_seq IN (${idList(questionSeqs)}) AND ${answerFilter(s)}
    GROUP BY 1`);
  return rowsOf(res).map((r) => ({
    questionSeq: Number(r.question_seq),
    n: Number(r.n),
    mean: Number(r.mean),
    sd: r.sd === null ? null : Number(r.sd),
    lo: Number(r.lo),
    hi: Number(r.hi),
    median: Number(r.median),
    ints: r.ints === true || r.ints === 't',
  }));
}

/** How a number question's answers fall into bins: `bins` bins of width `width` from `lo`. */
export interface BinSpec {
  questionSeq: number;
  lo: number;
  width: number;
  bins: number;
}

/**
 * How many answers of each question in a segment fall in each bin (the same bin formula as binOf), one query:
 * question seq → bin → count.
 */
export async function countNumberBins(
  db: Executor,
  specs: readonly BinSpec[],
  s: ResolvedSegment,
): Promise<Map<number, Map<number, number>>> {
  const json = specs.map((p) => ({ q: p.questionSeq, lo: p.lo, w: p.width, b: p.bins }));
  const bins = await db.execute(sql`
    SELECT a.question_seq, LEAST(sp.b - 1, GREATEST(0, floor((a.num - sp.lo) / sp.w)))::int AS bin, count(*)::int AS count
    FROM survey_answers a
    JOIN (SELECT (x->>'q')::bigint AS q, (x->>'lo')::float8 AS lo, (x->>'w')::float8 AS w, (x->>'b')::int AS b
          FROM jsonb_array_elements(${JSON.stringify(json)}::jsonb) x) sp ON sp.q = a.question_seq
    WHERE ${answerFilter(s)}
    GROUP BY 1, 2`);
  const perQuestion = new Map<number, Map<number, number>>();
  for (const r of rowsOf(bins)) {
    const q = Number(r.question_seq);
    if (!perQuestion.has(q)) perQuestion.set(q, new Map());
    perQuestion.get(q)!.set(Number(r.bin), Number(r.count));
  }
  return perQuestion;
}
