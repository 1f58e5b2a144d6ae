import { Z95, studentTQuantile } from './distributions.js';
import type { Interval } from './proportions.js';

/** Count, mean and sample standard deviation of a set of numbers. */
export interface Moments {
  n: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator); 0 when n < 2. */
  sd: number;
}

/**
 * Moments of values given as (value, count) pairs, computed in two passes for numerical stability.
 * @example momentsFromCounts([[1, 2], [5, 2]]) // { n: 4, mean: 3, sd: 2.309… }
 */
export function momentsFromCounts(counts: Iterable<readonly [number, number]>): Moments {
  const pairs = [...counts].filter(([, c]) => c > 0);
  const n = pairs.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return { n: 0, mean: NaN, sd: 0 };
  const mean = pairs.reduce((s, [v, c]) => s + v * c, 0) / n;
  if (n < 2) return { n, mean, sd: 0 };
  const ss = pairs.reduce((s, [v, c]) => s + c * (v - mean) ** 2, 0);
  return { n, mean, sd: Math.sqrt(ss / (n - 1)) };
}

/** Moments of a plain list of numbers. */
export function moments(values: readonly number[]): Moments {
  return momentsFromCounts(values.map((v) => [v, 1] as const));
}

/**
 * The 95% confidence interval of a mean: mean ± t(0.975, n−1) · sd/√n, with Student's t for every n ≥ 2
 * (the t quantile is computed exactly, so there is no switch to the normal at n > 30; for large n the two agree).
 * With n < 2 the interval is null: one answer says nothing about its spread.
 * @example meanInterval({ n: 10, mean: 5, sd: 2 }) // [3.569…, 6.431…] (t(0.975, 9) = 2.262)
 */
export function meanInterval(m: Moments, level = 0.95): Interval | null {
  if (m.n < 2 || !Number.isFinite(m.mean)) return null;
  const q = level === 0.95 && m.n > 1e6 ? Z95 : studentTQuantile(1 - (1 - level) / 2, m.n - 1);
  const half = (q * m.sd) / Math.sqrt(m.n);
  return [m.mean - half, m.mean + half];
}

/**
 * The median of values given as (value, count) pairs: the middle value, or the average of the two middle
 * values when the count is even (the same as PostgreSQL's percentile_cont(0.5)). Null when empty.
 * @example medianFromCounts([[1, 1], [2, 1], [3, 1], [4, 1]]) // 2.5
 */
export function medianFromCounts(counts: Iterable<readonly [number, number]>): number | null {
  const pairs = [...counts].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const n = pairs.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return null;
  const valueAt = (rank: number) => {
    // rank is 0-based
    let seen = 0;
    for (const [v, c] of pairs) {
      seen += c;
      if (rank < seen) return v;
    }
    return pairs[pairs.length - 1]![0];
  };
  return n % 2 === 1 ? valueAt((n - 1) / 2) : (valueAt(n / 2 - 1) + valueAt(n / 2)) / 2;
}

/** The median of a plain list of numbers. */
export function median(values: readonly number[]): number | null {
  return medianFromCounts(values.map((v) => [v, 1] as const));
}

/** One bar of a histogram: values in [from, to) (the last bin also holds `to`). */
export interface Bin {
  from: number;
  to: number;
  count: number;
}

/** How a range of numbers is cut into equal bins. */
export interface Binning {
  lo: number;
  width: number;
  bins: number;
}

/**
 * Chooses bins for `n` values between `min` and `max`: one bin per integer when the values are whole
 * numbers spanning at most `maxBins` integers, else Sturges' rule (⌈log2 n⌉ + 1) capped at `maxBins`.
 * @example binningFor(0, 100, 1000, false) // { lo: 0, width: 9.09…, bins: 11 }
 */
export function binningFor(min: number, max: number, n: number, integers: boolean, maxBins = 20): Binning {
  if (n === 0 || !Number.isFinite(min) || !Number.isFinite(max)) return { lo: 0, width: 1, bins: 0 };
  if (integers && max - min + 1 <= maxBins) return { lo: min, width: 1, bins: max - min + 1 };
  if (max === min) return { lo: min, width: 1, bins: 1 };
  const bins = Math.min(maxBins, Math.ceil(Math.log2(n)) + 1);
  return { lo: min, width: (max - min) / bins, bins };
}

/**
 * The bin of a value: ⌊(value − lo) / width⌋ clamped to [0, bins − 1] (so the maximum falls in the last bin).
 * The SQL aggregation uses the same formula, so a histogram computed in the database matches this one.
 */
export function binOf(value: number, b: Binning): number {
  return Math.min(b.bins - 1, Math.max(0, Math.floor((value - b.lo) / b.width)));
}

/** Bins with their counts from per-bin counts (missing bins count 0). */
export function binsFromCounts(b: Binning, counts: ReadonlyMap<number, number>): Bin[] {
  return Array.from({ length: b.bins }, (_, i) => ({ from: b.lo + i * b.width, to: b.lo + (i + 1) * b.width, count: counts.get(i) ?? 0 }));
}

/**
 * A histogram of a list of numbers with the bins `binningFor` chooses.
 * @example histogram([1, 2, 2, 3], true) // [{from:1,to:2,count:1},{from:2,to:3,count:2},{from:3,to:4,count:1}]
 */
export function histogram(values: readonly number[], integers = values.every(Number.isInteger), maxBins = 20): Bin[] {
  if (!values.length) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const b = binningFor(min, max, values.length, integers, maxBins);
  const counts = new Map<number, number>();
  for (const v of values) counts.set(binOf(v, b), (counts.get(binOf(v, b)) ?? 0) + 1);
  return binsFromCounts(b, counts);
}
