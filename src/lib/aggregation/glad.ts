import type { CategoricalAnswers, CategoricalResult } from './types.js';
import { answeredItems, clampGold, decide, maxAbsDiff, normalizeLogRows } from './posterior.js';
import { majorityVote } from './majority-vote.js';

export interface GladOptions {
  /** Gaussian prior on a worker's ability α: mean and variance. */
  abilityMean?: number;
  abilityVariance?: number;
  /** Gaussian prior on an item's log-easiness b (β = e^b): mean and variance. */
  easinessMean?: number;
  easinessVariance?: number;
  /** Fisher-scoring steps on (α, b) per M-step. */
  innerSteps?: number;
  tolerance?: number;
  maxIterations?: number;
}

export const GLAD_DEFAULTS: Required<GladOptions> = {
  abilityMean: 1,
  abilityVariance: 1,
  easinessMean: 0,
  easinessVariance: 1,
  innerSteps: 3,
  tolerance: 1e-5,
  maxIterations: 100,
};

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/**
 * GLAD (Whitehill et al. 2009): a worker with ability α answers an item with easiness β = e^b correctly
 * with probability σ(α·β), otherwise picks one of the other labels at random. EM: the E-step computes
 * the label posteriors, the M-step moves α and b by Fisher scoring under Gaussian priors. A negative α
 * is a worker who tends to answer wrong on purpose. Gold items are clamped to their known label.
 * @example const r = glad(data); r.workerQuality // σ(α) per worker: their chance of being right on an average item
 */
export function glad(data: CategoricalAnswers, options: GladOptions = {}): CategoricalResult {
  const o = { ...GLAD_DEFAULTS, ...options };
  const { nItems, nWorkers, nLabels: K, item, worker, label } = data;
  const n = item.length;
  const answered = answeredItems(nItems, item);
  let post: Float64Array = majorityVote(data).posterior;
  let next: Float64Array = new Float64Array(nItems * K);
  const alpha = new Float64Array(nWorkers).fill(o.abilityMean);
  const b = new Float64Array(nItems).fill(o.easinessMean);
  const prior = new Float64Array(K);
  const grad = new Float64Array(Math.max(nWorkers, nItems));
  const info = new Float64Array(Math.max(nWorkers, nItems));
  const logWrong = Math.log(Math.max(K - 1, 1));
  let iterations = 0;
  for (let it = 0; it < o.maxIterations; it++) {
    iterations = it + 1;
    // M-step: class shares, then Fisher scoring on abilities and easiness.
    prior.fill(1);
    for (let i = 0; i < nItems; i++) if (answered[i]) for (let k = 0; k < K; k++) prior[k]! += post[i * K + k]!;
    let ps = 0;
    for (let k = 0; k < K; k++) ps += prior[k]!;
    for (let k = 0; k < K; k++) prior[k]! /= ps;
    for (let step = 0; step < o.innerSteps; step++) {
      grad.fill(0, 0, nWorkers);
      info.fill(0, 0, nWorkers);
      for (let a = 0; a < n; a++) {
        const i = item[a]!;
        const w = worker[a]!;
        const beta = Math.exp(b[i]!);
        const s = sigmoid(alpha[w]! * beta);
        const q = post[i * K + label[a]!]!;
        grad[w]! += (q - s) * beta;
        info[w]! += s * (1 - s) * beta * beta;
      }
      for (let w = 0; w < nWorkers; w++) {
        const g = grad[w]! - (alpha[w]! - o.abilityMean) / o.abilityVariance;
        const h = info[w]! + 1 / o.abilityVariance;
        alpha[w]! += Math.max(-2, Math.min(2, g / h));
      }
      grad.fill(0, 0, nItems);
      info.fill(0, 0, nItems);
      for (let a = 0; a < n; a++) {
        const i = item[a]!;
        const w = worker[a]!;
        const beta = Math.exp(b[i]!);
        const x = alpha[w]! * beta;
        const s = sigmoid(x);
        const q = post[i * K + label[a]!]!;
        grad[i]! += (q - s) * x;
        info[i]! += s * (1 - s) * x * x;
      }
      for (let i = 0; i < nItems; i++) {
        const g = grad[i]! - (b[i]! - o.easinessMean) / o.easinessVariance;
        const h = info[i]! + 1 / o.easinessVariance;
        b[i] = Math.max(-6, Math.min(6, b[i]! + Math.max(-1, Math.min(1, g / h))));
      }
    }
    // E-step.
    for (let i = 0; i < nItems; i++) for (let k = 0; k < K; k++) next[i * K + k] = Math.log(prior[k]!);
    for (let a = 0; a < n; a++) {
      const i = item[a]!;
      const x = alpha[worker[a]!]! * Math.exp(b[i]!);
      // log σ(x) and log(1 − σ(x)), computed stably.
      const logRight = -Math.log1p(Math.exp(-Math.abs(x))) + Math.min(x, 0);
      const logWrongAll = -Math.log1p(Math.exp(-Math.abs(x))) + Math.min(-x, 0) - logWrong;
      const o2 = i * K;
      for (let k = 0; k < K; k++) next[o2 + k]! += k === label[a] ? logRight : logWrongAll;
    }
    normalizeLogRows(next, nItems, K);
    clampGold(next, K, data.gold);
    const delta = maxAbsDiff(next, post);
    [post, next] = [next, post];
    if (delta < o.tolerance) break;
  }
  const { labels, confidence } = decide(post, nItems, K, answered);
  const seen = new Uint8Array(nWorkers);
  for (let a = 0; a < n; a++) seen[worker[a]!] = 1;
  const workerQuality = new Float64Array(nWorkers);
  for (let w = 0; w < nWorkers; w++) workerQuality[w] = seen[w] ? sigmoid(alpha[w]!) : NaN;
  return { labels, confidence, posterior: post, workerQuality, classPrior: prior, iterations };
}
