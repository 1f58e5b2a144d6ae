import type { CategoricalAnswers, CategoricalResult } from './types.js';
import { answeredItems, clampGold, decide, expectedAccuracy } from './posterior.js';

/**
 * Majority vote: each item takes the label most of its answers gave; confidence is that label's share of
 * the votes. Ties go to the lowest label number. Gold items keep their known label.
 * @example
 * majorityVote({ nItems: 1, nWorkers: 3, nLabels: 2, item: Int32Array.of(0, 0, 0),
 *   worker: Int32Array.of(0, 1, 2), label: Int32Array.of(1, 1, 0) }).labels // Int32Array [1]
 */
export function majorityVote(data: CategoricalAnswers): CategoricalResult {
  const { nItems, nLabels, item, label } = data;
  const posterior = new Float64Array(nItems * nLabels);
  const totals = new Float64Array(nItems);
  for (let a = 0; a < item.length; a++) {
    posterior[item[a]! * nLabels + label[a]!]! += 1;
    totals[item[a]!]! += 1;
  }
  for (let i = 0; i < nItems; i++) {
    const t = totals[i]!;
    for (let k = 0; k < nLabels; k++) posterior[i * nLabels + k] = t ? posterior[i * nLabels + k]! / t : 1 / nLabels;
  }
  clampGold(posterior, nLabels, data.gold);
  const { labels, confidence } = decide(posterior, nItems, nLabels, answeredItems(nItems, item));
  const workerQuality = expectedAccuracy(posterior, nLabels, data.nWorkers, data.worker, item, label);
  return { labels, confidence, posterior, workerQuality, iterations: 1 };
}
