/** Small numeric helpers shared by the aggregation methods (in-place, on typed arrays). */

/**
 * Turns each row of log-probabilities into probabilities (softmax, stable), in place, and returns the
 * sum over rows of each row's log normalizer (the log-likelihood when rows hold log joint probabilities).
 * @example const p = Float64Array.of(0, Math.log(3)); normalizeLogRows(p, 1, 2) // p = [0.25, 0.75], returns log 4
 */
export function normalizeLogRows(logp: Float64Array, rows: number, cols: number): number {
  let logLik = 0;
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let max = -Infinity;
    for (let k = 0; k < cols; k++) if (logp[o + k]! > max) max = logp[o + k]!;
    let sum = 0;
    for (let k = 0; k < cols; k++) {
      // Below e^-700 the value is flushed to 0: subnormal numbers slow every later operation a hundredfold.
      const d = logp[o + k]! - max;
      const e = d < -700 ? 0 : Math.exp(d);
      logp[o + k] = e;
      sum += e;
    }
    for (let k = 0; k < cols; k++) logp[o + k]! /= sum;
    logLik += max + Math.log(sum);
  }
  return logLik;
}

/**
 * The label and confidence of each row of a posterior; rows of items without answers give -1 and 0.
 * Ties go to the lowest label number, so results are deterministic.
 */
export function decide(posterior: Float64Array, nItems: number, nLabels: number, answered: Uint8Array) {
  const labels = new Int32Array(nItems).fill(-1);
  const confidence = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    if (!answered[i]) continue;
    let best = 0;
    let bestP = -1;
    const o = i * nLabels;
    for (let k = 0; k < nLabels; k++) {
      if (posterior[o + k]! > bestP + 1e-12) {
        bestP = posterior[o + k]!;
        best = k;
      }
    }
    labels[i] = best;
    confidence[i] = bestP;
  }
  return { labels, confidence };
}

/** Per item, 1 when it has at least one answer. */
export function answeredItems(nItems: number, item: Int32Array): Uint8Array {
  const seen = new Uint8Array(nItems);
  for (let a = 0; a < item.length; a++) seen[item[a]!] = 1;
  return seen;
}

/** Sets the rows of gold items to their known label (probability 1). */
export function clampGold(posterior: Float64Array, nLabels: number, gold: Int32Array | undefined): void {
  if (!gold) return;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    if (g < 0) continue;
    const o = i * nLabels;
    for (let k = 0; k < nLabels; k++) posterior[o + k] = k === g ? 1 : 0;
  }
}

/** Per worker: the expected share of their answers that match the posterior (their estimated accuracy). */
export function expectedAccuracy(
  posterior: Float64Array,
  nLabels: number,
  nWorkers: number,
  worker: Int32Array,
  item: Int32Array,
  label: Int32Array,
): Float64Array {
  const hit = new Float64Array(nWorkers);
  const count = new Float64Array(nWorkers);
  for (let a = 0; a < item.length; a++) {
    const w = worker[a]!;
    hit[w]! += posterior[item[a]! * nLabels + label[a]!]!;
    count[w]! += 1;
  }
  for (let w = 0; w < nWorkers; w++) hit[w] = count[w] ? hit[w]! / count[w]! : NaN;
  return hit;
}

/** Largest absolute difference between two arrays of the same length. */
export function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    const x = Math.abs(a[i]! - b[i]!);
    if (x > d) d = x;
  }
  return d;
}
