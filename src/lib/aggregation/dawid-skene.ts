import type { CategoricalAnswers, CategoricalResult } from './types.js';
import { answeredItems, clampGold, decide, expectedAccuracy, maxAbsDiff, normalizeLogRows } from './posterior.js';
import { majorityVote } from './majority-vote.js';

export interface DawidSkeneOptions {
  /** Dirichlet pseudo-count added to every cell of each worker's confusion matrix (smoothing). */
  smoothing?: number;
  /** Extra pseudo-count on the diagonal (a prior belief that workers are better than chance). */
  diagonalPrior?: number;
  /** Pseudo-count added to each class when estimating the class shares. */
  classPrior?: number;
  /** Stop when no posterior probability moves by more than this between two iterations. */
  tolerance?: number;
  maxIterations?: number;
}

export const DAWID_SKENE_DEFAULTS: Required<DawidSkeneOptions> = {
  smoothing: 0.01,
  diagonalPrior: 0,
  classPrior: 1,
  tolerance: 1e-6,
  maxIterations: 100,
};

/**
 * Dawid–Skene (1979): each worker has a confusion matrix P(answer | true label); EM alternates between
 * the items' label posteriors (E-step) and the confusion matrices and class shares (M-step). Starts
 * from majority vote; confusion matrices get light Dirichlet smoothing so a worker seen on few items
 * does not get probabilities of exactly 0 or 1. Gold items are clamped to their known label.
 *
 * Runs in O(answers × labels) per iteration over typed arrays: 1,000,000 answers with 5 labels take
 * about a second on one core.
 * @example
 * const r = dawidSkene(data); r.labels[0]; r.confusion // nWorkers × nLabels × nLabels
 */
export function dawidSkene(data: CategoricalAnswers, options: DawidSkeneOptions = {}): CategoricalResult {
  const o = { ...DAWID_SKENE_DEFAULTS, ...options };
  const { nItems, nWorkers, nLabels: K, item, worker, label } = data;
  const n = item.length;
  const answered = answeredItems(nItems, item);
  let post: Float64Array = majorityVote(data).posterior;
  let next: Float64Array = new Float64Array(nItems * K);
  const conf = new Float64Array(nWorkers * K * K);
  const logConf = new Float64Array(nWorkers * K * K);
  const prior = new Float64Array(K);
  const logPrior = new Float64Array(K);
  let iterations = 0;
  let lastLogLik = -Infinity;

  for (let it = 0; it < o.maxIterations; it++) {
    iterations = it + 1;
    // M-step: class shares and confusion counts from the current posteriors.
    prior.fill(o.classPrior);
    for (let i = 0; i < nItems; i++) {
      if (!answered[i]) continue;
      for (let k = 0; k < K; k++) prior[k]! += post[i * K + k]!;
    }
    let ps = 0;
    for (let k = 0; k < K; k++) ps += prior[k]!;
    for (let k = 0; k < K; k++) {
      prior[k]! /= ps;
      logPrior[k] = Math.log(prior[k]!);
    }
    conf.fill(o.smoothing);
    if (o.diagonalPrior) for (let w = 0; w < nWorkers; w++) for (let k = 0; k < K; k++) conf[w * K * K + k * K + k]! += o.diagonalPrior;
    for (let a = 0; a < n; a++) {
      const base = worker[a]! * K * K + label[a]!;
      const pi = item[a]! * K;
      for (let k = 0; k < K; k++) conf[base + k * K]! += post[pi + k]!;
    }
    for (let r = 0; r < nWorkers * K; r++) {
      let s = 0;
      for (let l = 0; l < K; l++) s += conf[r * K + l]!;
      for (let l = 0; l < K; l++) {
        conf[r * K + l] = s > 0 ? conf[r * K + l]! / s : 1 / K;
        logConf[r * K + l] = Math.log(conf[r * K + l]! || 1e-300);
      }
    }
    // E-step: log posterior = log prior + sum of log P(answer | k) over the item's answers.
    for (let i = 0; i < nItems; i++) for (let k = 0; k < K; k++) next[i * K + k] = logPrior[k]!;
    for (let a = 0; a < n; a++) {
      const base = worker[a]! * K * K + label[a]!;
      const pi = item[a]! * K;
      for (let k = 0; k < K; k++) next[pi + k]! += logConf[base + k * K]!;
    }
    const logLik = normalizeLogRows(next, nItems, K);
    clampGold(next, K, data.gold);
    const delta = maxAbsDiff(next, post);
    [post, next] = [next, post];
    // Converged when no posterior moves more than the tolerance, or the log-likelihood gains less than
    // tolerance × answers (on large batches a few items keep drifting by tiny amounts for many iterations).
    if (delta < o.tolerance || Math.abs(logLik - lastLogLik) < o.tolerance * n) break;
    lastLogLik = logLik;
  }
  const { labels, confidence } = decide(post, nItems, K, answered);
  // A worker's quality: the chance their answer is right, under the estimated class shares.
  const workerQuality = new Float64Array(nWorkers);
  for (let w = 0; w < nWorkers; w++) {
    let q = 0;
    for (let k = 0; k < K; k++) q += prior[k]! * conf[w * K * K + k * K + k]!;
    workerQuality[w] = q;
  }
  const seen = expectedAccuracy(post, K, nWorkers, worker, item, label);
  for (let w = 0; w < nWorkers; w++) if (Number.isNaN(seen[w]!)) workerQuality[w] = NaN;
  return { labels, confidence, posterior: post, workerQuality, confusion: conf, classPrior: prior, iterations };
}
