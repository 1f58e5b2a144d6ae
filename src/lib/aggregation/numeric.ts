import type { NumericAnswers, NumericResult } from './types.js';

/** Per item: count, sum and sum of squares of its answers. */
function itemMoments(data: NumericAnswers) {
  const count = new Float64Array(data.nItems);
  const sum = new Float64Array(data.nItems);
  const sq = new Float64Array(data.nItems);
  for (let a = 0; a < data.item.length; a++) {
    const i = data.item[a]!;
    const v = data.value[a]!;
    count[i]! += 1;
    sum[i]! += v;
    sq[i]! += v * v;
  }
  return { count, sum, sq };
}

/**
 * The mean of each item's answers, with its standard error (sample sd / √n).
 * @example numericMean(data).values[0]
 */
export function numericMean(data: NumericAnswers): NumericResult {
  const { count, sum, sq } = itemMoments(data);
  const values = new Float64Array(data.nItems);
  const stdError = new Float64Array(data.nItems);
  for (let i = 0; i < data.nItems; i++) {
    const n = count[i]!;
    values[i] = n ? sum[i]! / n : NaN;
    stdError[i] = n > 1 ? Math.sqrt(Math.max(0, (sq[i]! - (sum[i]! * sum[i]!) / n) / (n - 1)) / n) : NaN;
  }
  return { values, stdError, iterations: 1 };
}

/** Answer values grouped by item, each group sorted. */
function sortedByItem(data: NumericAnswers) {
  const start = new Int32Array(data.nItems + 1);
  for (let a = 0; a < data.item.length; a++) start[data.item[a]! + 1]! += 1;
  for (let i = 0; i < data.nItems; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, data.nItems);
  const vals = new Float64Array(data.item.length);
  for (let a = 0; a < data.item.length; a++) vals[fill[data.item[a]!]!++] = data.value[a]!;
  for (let i = 0; i < data.nItems; i++) vals.subarray(start[i]!, start[i + 1]!).sort();
  return { start, vals };
}

/**
 * The median of each item's answers (the mean of the two middle ones for an even count); its standard
 * error is estimated as 1.2533 × the mean's (the asymptotic ratio under normal answers).
 * @example numericMedian(data).values[0]
 */
export function numericMedian(data: NumericAnswers): NumericResult {
  const { start, vals } = sortedByItem(data);
  const mean = numericMean(data);
  const values = new Float64Array(data.nItems);
  const stdError = new Float64Array(data.nItems);
  for (let i = 0; i < data.nItems; i++) {
    const n = start[i + 1]! - start[i]!;
    const o = start[i]!;
    values[i] = n === 0 ? NaN : n % 2 ? vals[o + (n - 1) / 2]! : (vals[o + n / 2 - 1]! + vals[o + n / 2]!) / 2;
    stdError[i] = 1.2533 * mean.stdError[i]!;
  }
  return { values, stdError, iterations: 1 };
}

export interface RobustOptions {
  /** Pseudo-answers that pull each worker's noise variance toward the pooled variance. */
  priorAnswers?: number;
  /** Huber threshold, in units of the worker's noise sd: answers farther than this weigh less. */
  huber?: number;
  maxIterations?: number;
  tolerance?: number;
}

export const ROBUST_DEFAULTS: Required<RobustOptions> = { priorAnswers: 20, huber: 2.5, maxIterations: 100, tolerance: 1e-6 };

/**
 * A worker-aware robust estimate: each worker's noise variance is estimated from how far their answers
 * fall from the other answers on the same items (leave-their-own-answer-out, so a worker cannot vouch
 * for themself), shrunk toward the pooled variance by `priorAnswers` pseudo-answers; each item's value
 * is the mean of its answers weighted by 1/variance, and answers more than `huber` sds away are
 * down-weighted (Huber). Iterates to a fixed point. Items with a single answer take that answer.
 * @example const r = numericRobust(data); r.workerSd // estimated noise per worker
 */
export function numericRobust(data: NumericAnswers, options: RobustOptions = {}): NumericResult {
  const o = { ...ROBUST_DEFAULTS, ...options };
  const { nItems, nWorkers, item, worker, value } = data;
  const n = item.length;
  const mean = numericMean(data);
  const values = Float64Array.from(mean.values);
  const variance = new Float64Array(nWorkers).fill(1);
  const perWorker = new Float64Array(nWorkers);
  for (let a = 0; a < n; a++) perWorker[worker[a]!]! += 1;
  const wsum = new Float64Array(nItems);
  const xsum = new Float64Array(nItems);
  const sqResid = new Float64Array(nWorkers);
  const w = new Float64Array(n);
  let iterations = 0;
  for (let it = 0; it < o.maxIterations; it++) {
    iterations = it + 1;
    // Residuals against the weighted mean of the other answers on the item.
    wsum.fill(0);
    xsum.fill(0);
    for (let a = 0; a < n; a++) {
      const ww = 1 / variance[worker[a]!]!;
      wsum[item[a]!]! += ww;
      xsum[item[a]!]! += ww * value[a]!;
    }
    sqResid.fill(0);
    let pooled = 0;
    let pooledN = 0;
    for (let a = 0; a < n; a++) {
      const ww = 1 / variance[worker[a]!]!;
      const rest = wsum[item[a]!]! - ww;
      if (rest <= 1e-12) continue;
      const r = value[a]! - (xsum[item[a]!]! - ww * value[a]!) / rest;
      sqResid[worker[a]!]! += r * r;
      pooled += r * r;
      pooledN += 1;
    }
    const pooledVar = pooledN ? Math.max(pooled / pooledN, 1e-9) : 1;
    for (let k = 0; k < nWorkers; k++)
      variance[k] = Math.max((sqResid[k]! + o.priorAnswers * pooledVar) / (perWorker[k]! + o.priorAnswers), 1e-9);
    // Weighted (and Huber-limited) means.
    for (let a = 0; a < n; a++) {
      const v = variance[worker[a]!]!;
      const u = Math.abs(value[a]! - values[item[a]!]!) / (o.huber * Math.sqrt(v));
      w[a] = (1 / v) * (u <= 1 ? 1 : 1 / u);
    }
    wsum.fill(0);
    xsum.fill(0);
    for (let a = 0; a < n; a++) {
      wsum[item[a]!]! += w[a]!;
      xsum[item[a]!]! += w[a]! * value[a]!;
    }
    let delta = 0;
    for (let i = 0; i < nItems; i++) {
      if (!wsum[i]) continue;
      const next = xsum[i]! / wsum[i]!;
      delta = Math.max(delta, Math.abs(next - values[i]!));
      values[i] = next;
    }
    if (delta < o.tolerance) break;
  }
  // Standard error of a weighted mean with known variances: 1/√(Σ 1/σ²).
  const stdError = new Float64Array(nItems);
  const counts = new Float64Array(nItems);
  wsum.fill(0);
  for (let a = 0; a < n; a++) {
    wsum[item[a]!]! += 1 / variance[worker[a]!]!;
    counts[item[a]!]! += 1;
  }
  for (let i = 0; i < nItems; i++) stdError[i] = counts[i]! > 1 ? 1 / Math.sqrt(wsum[i]!) : NaN;
  const workerSd = new Float64Array(nWorkers);
  for (let k = 0; k < nWorkers; k++) workerSd[k] = perWorker[k] ? Math.sqrt(variance[k]!) : NaN;
  return { values, stdError, workerSd, iterations };
}
