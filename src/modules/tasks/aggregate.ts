// The one door to the aggregation library (src/lib/aggregation): answers of a batch in, per-item answers and
// per-worker quality out. Routes and services of this module aggregate only through here.
import { invalid } from '../../lib/errors.js';
import { AggregationInputError, aggregateAnswers, methodsFor, type AggregationMethod } from '../../lib/aggregation/index.js';
import type { Batch, TaskAnswer } from './batch-queries.js';

export { methodsFor };

export interface GivenAnswer {
  item_id: string;
  worker_ref: string;
  answer: TaskAnswer;
}

/**
 * Aggregates a batch's answers with a method suited to its answer kind (the library's default when none is
 * given); a method that does not suit the kind is a 400 naming `querystring.method`.
 * @example aggregateBatch(batch, 'ds', answers, items).items[0] // { item, answer, confidence, answers, … }
 */
export function aggregateBatch(
  batch: Batch,
  method: string | undefined,
  answers: GivenAnswer[],
  items: { id: string; gold: TaskAnswer | null }[],
) {
  const allowed = methodsFor(batch.answerKind);
  if (method !== undefined && !allowed.includes(method as AggregationMethod)) {
    throw invalid(
      'method_not_suited',
      `The method "${method}" does not suit ${batch.answerKind} answers: use one of ${allowed.join(', ')}.`,
      [{ field: 'querystring.method', message: `must be one of ${allowed.join(', ')}` }],
    );
  }
  const gold = new Map<string, TaskAnswer>();
  for (const i of items) if (i.gold !== null) gold.set(i.id, i.gold);
  try {
    return aggregateAnswers({
      kind: batch.answerKind,
      labels: batch.labels,
      method: method as AggregationMethod | undefined,
      answers: answers.map((a) => ({ item: a.item_id, worker: a.worker_ref, answer: a.answer })),
      items: items.map((i) => i.id),
      gold,
    });
  } catch (e) {
    if (e instanceof AggregationInputError) throw invalid(e.code, e.message, [{ field: 'querystring.method', message: e.message }]);
    throw e;
  }
}
