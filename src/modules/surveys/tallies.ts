// Running tallies of answers by (question, item, num), and of responses per survey: what the "everyone" results read
// instead of every answer. Kept in the same transaction as the answers (the statements are in tally-queries.ts).
import type { AnswerRow } from './questions.js';
import type { TallyCount } from './tally-queries.js';

// The benchmark seeds answers in bulk and rebuilds the tallies from here.
export { rebuildTallies } from './tally-queries.js';

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
