// Running tallies of answers by (question, item, num), and of responses per survey: what the "everyone" results read
// instead of every answer. Kept in the same transaction as the answers; sharded to spread concurrent increments.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { surveyResponseCounts, surveyTallies } from '../../db/schema/surveys.js';
import type { AnswerRow } from './questions.js';

export const TALLY_SHARDS = 4;

/** One grouped count: how many answer rows share (question, item, num). */
export interface TallyCount {
  questionSeq: number;
  item: number;
  num: number;
  count: number;
}

const keyOf = (r: Pick<AnswerRow, 'questionSeq' | 'item' | 'num'>) => `${r.questionSeq}|${r.item}|${r.num}`;

/**
 * The net change to the tallies when a response's rows go from `before` to `after` (zero changes dropped),
 * sorted by key so that concurrent writers lock tally rows in the same order (no deadlocks).
 * @example tallyDeltas([], [{ questionSeq: 1, item: 0, num: 5, textValue: null }]) // [{ questionSeq: 1, item: 0, num: 5, count: 1 }]
 */
export function tallyDeltas(before: readonly AnswerRow[], after: readonly AnswerRow[]): TallyCount[] {
  const deltas = new Map<string, TallyCount>();
  const add = (r: AnswerRow, d: number) => {
    const k = keyOf(r);
    const cur = deltas.get(k) ?? { questionSeq: r.questionSeq, item: r.item, num: r.num, count: 0 };
    cur.count += d;
    deltas.set(k, cur);
  };
  for (const r of before) add(r, -1);
  for (const r of after) add(r, 1);
  return [...deltas.values()]
    .filter((d) => d.count !== 0)
    .sort((a, b) => a.questionSeq - b.questionSeq || a.item - b.item || a.num - b.num);
}

/** Adds the deltas to the tallies, in one statement, on the response's shard. */
export async function applyTallyDeltas(tx: Executor, shard: number, deltas: readonly TallyCount[]): Promise<void> {
  if (!deltas.length) return;
  await tx
    .insert(surveyTallies)
    .values(deltas.map((d) => ({ questionSeq: d.questionSeq, item: d.item, num: d.num, shard, count: d.count })))
    .onConflictDoUpdate({
      target: [surveyTallies.questionSeq, surveyTallies.item, surveyTallies.num, surveyTallies.shard],
      set: { count: sql`${surveyTallies.count} + excluded.count` },
    });
}

/** The tallied counts of some questions, shards summed. */
export async function readTallies(db: Executor, questionSeqs: readonly number[]): Promise<TallyCount[]> {
  if (!questionSeqs.length) return [];
  const rows = await db
    .select({
      questionSeq: surveyTallies.questionSeq,
      item: surveyTallies.item,
      num: surveyTallies.num,
      count: sql<number>`sum(${surveyTallies.count})::int`,
    })
    .from(surveyTallies)
    .where(inArray(surveyTallies.questionSeq, [...questionSeqs]))
    .groupBy(surveyTallies.questionSeq, surveyTallies.item, surveyTallies.num)
    .having(sql`sum(${surveyTallies.count}) <> 0`);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Counts one more response for a survey, on the response's shard. */
export async function countNewResponse(tx: Executor, surveyId: string, shard: number): Promise<void> {
  await tx
    .insert(surveyResponseCounts)
    .values({ surveyId, shard, count: 1 })
    .onConflictDoUpdate({
      target: [surveyResponseCounts.surveyId, surveyResponseCounts.shard],
      set: { count: sql`${surveyResponseCounts.count} + 1` },
    });
}

/**
 * How many responses a survey has (from the counter, shards summed).
 * @example await countResponses(db, survey.id) // 100000
 */
export async function countResponses(db: Executor, surveyId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${surveyResponseCounts.count}), 0)::int` })
    .from(surveyResponseCounts)
    .where(eq(surveyResponseCounts.surveyId, surveyId));
  return Number(row?.n ?? 0);
}

/**
 * Recomputes a survey's tallies and response count from its answers and responses (after a bulk import, or to
 * check them). Runs in the caller's transaction.
 */
export async function rebuildTallies(tx: Executor, surveyId: string): Promise<void> {
  const questions = sql`(SELECT seq FROM survey_questions WHERE survey_id = ${surveyId})`;
  await tx.execute(sql`DELETE FROM survey_tallies WHERE question_seq IN ${questions}`);
  await tx.execute(sql`
    INSERT INTO survey_tallies (question_seq, item, num, shard, count)
    SELECT question_seq, item, num, (response_seq % ${TALLY_SHARDS})::smallint, count(*)::int
    FROM survey_answers WHERE question_seq IN ${questions}
    GROUP BY 1, 2, 3, 4`);
  await tx.execute(sql`DELETE FROM survey_response_counts WHERE survey_id = ${surveyId}`);
  await tx.execute(sql`
    INSERT INTO survey_response_counts (survey_id, shard, count)
    SELECT survey_id, (seq % ${TALLY_SHARDS})::smallint, count(*)::int FROM survey_responses WHERE survey_id = ${surveyId} GROUP BY 1, 2`);
}
