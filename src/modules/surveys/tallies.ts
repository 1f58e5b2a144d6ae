// Running tallies of answers by (question, item, num): what the "everyone" results read instead of every answer.
import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { surveyTallies } from '../../db/schema/surveys.js';
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

/**
 * Recomputes the tallies of some questions from their answers (after a bulk import, or to check them).
 * Runs in the caller's transaction.
 */
export async function rebuildTallies(tx: Executor, questionSeqs: readonly number[]): Promise<void> {
  if (!questionSeqs.length) return;
  const list = sql.join(questionSeqs.map((q) => sql`${q}`), sql`, `);
  await tx.execute(sql`DELETE FROM survey_tallies WHERE question_seq IN (${list})`);
  await tx.execute(sql`
    INSERT INTO survey_tallies (question_seq, item, num, shard, count)
    SELECT question_seq, item, num, (response_seq % ${TALLY_SHARDS})::smallint, count(*)::int
    FROM survey_answers WHERE question_seq IN (${list})
    GROUP BY 1, 2, 3, 4`);
}
