// Statements on the running tallies (survey_tallies: answers by question, item and num; survey_response_counts:
// responses per survey). Both are sharded to spread concurrent increments.
import { eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { surveyResponseCounts, surveyTallies } from '../../db/schema/surveys.js';

export const TALLY_SHARDS = 4;

/** One grouped count: how many answer rows share (question, item, num). */
export interface TallyCount {
  questionSeq: number;
  item: number;
  num: number;
  count: number;
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
 * How many responses each of some surveys has (shards summed), by survey id; a survey without any is absent.
 * @example (await countResponsesOf(db, ids)).get(id) ?? 0
 */
export async function countResponsesOf(db: Executor, surveyIds: readonly string[]): Promise<Map<string, number>> {
  if (!surveyIds.length) return new Map();
  const counts = await db
    .select({ surveyId: surveyResponseCounts.surveyId, n: sql<number>`sum(${surveyResponseCounts.count})::int` })
    .from(surveyResponseCounts)
    .where(inArray(surveyResponseCounts.surveyId, [...surveyIds]))
    .groupBy(surveyResponseCounts.surveyId);
  return new Map(counts.map((c) => [c.surveyId, Number(c.n)]));
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
