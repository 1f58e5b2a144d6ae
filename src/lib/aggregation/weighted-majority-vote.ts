import type { CategoricalAnswers, CategoricalResult } from './types.js';
import { answeredItems, clampGold, decide, normalizeLogRows } from './posterior.js';
import { majorityVote } from './majority-vote.js';

export interface WeightedMajorityVoteOptions {
  /** Beta pseudo-counts (right, wrong) that pull a worker seen on few items toward `priorAccuracy`. */
  priorStrength?: number;
  /** The accuracy a worker is assumed to have before their answers are seen. */
  priorAccuracy?: number;
  maxIterations?: number;
}

export const WEIGHTED_MV_DEFAULTS: Required<WeightedMajorityVoteOptions> = { priorStrength: 2, priorAccuracy: 0.7, maxIterations: 50 };

/**
 * Iterative weighted majority vote (one-coin model): each worker's vote weighs log((K−1)·q/(1−q)),
 * where q is their smoothed agreement with the current labels (gold items count as known labels);
 * labels and weights are re-estimated until the labels stop changing. A worker at or below chance
 * weighs 0. The confidence is the label's share of exp(weighted votes), which is the posterior under the
 * one-coin model.
 * @example const r = weightedMajorityVote(data); r.workerQuality // per worker agreement q
 */
export function weightedMajorityVote(data: CategoricalAnswers, options: WeightedMajorityVoteOptions = {}): CategoricalResult {
  const o = { ...WEIGHTED_MV_DEFAULTS, ...options };
  const { nItems, nWorkers, nLabels: K, item, worker, label } = data;
  const answered = answeredItems(nItems, item);
  let current = majorityVote(data).labels;
  const weight = new Float64Array(nWorkers);
  const quality = new Float64Array(nWorkers);
  const hits = new Float64Array(nWorkers);
  const counts = new Float64Array(nWorkers);
  const score = new Float64Array(nItems * K);
  let iterations = 0;
  for (let it = 0; it < o.maxIterations; it++) {
    iterations = it + 1;
    hits.fill(0);
    counts.fill(0);
    for (let a = 0; a < item.length; a++) {
      const w = worker[a]!;
      counts[w]! += 1;
      if (current[item[a]!] === label[a]) hits[w]! += 1;
    }
    const chance = 1 / K;
    for (let w = 0; w < nWorkers; w++) {
      const q = (hits[w]! + o.priorStrength * o.priorAccuracy) / (counts[w]! + o.priorStrength);
      quality[w] = counts[w] ? q : NaN;
      const qc = Math.min(q, 0.999);
      weight[w] = qc > chance ? Math.log(((K - 1) * qc) / (1 - qc)) : 0;
    }
    score.fill(0);
    for (let a = 0; a < item.length; a++) score[item[a]! * K + label[a]!]! += weight[worker[a]!]!;
    normalizeLogRows(score, nItems, K);
    clampGold(score, K, data.gold);
    const next = decide(score, nItems, K, answered).labels;
    let changed = 0;
    for (let i = 0; i < nItems; i++) if (next[i] !== current[i]) changed++;
    current = next;
    if (!changed) break;
  }
  const { labels, confidence } = decide(score, nItems, K, answered);
  return { labels, confidence, posterior: score, workerQuality: quality, iterations };
}
