import { Z95 } from './distributions.js';

/** A closed interval [low, high]. */
export type Interval = [number, number];

/**
 * The Wilson score interval for a proportion `successes / n` (95% by default).
 * Unlike the "p ± z·√(p(1−p)/n)" interval it stays inside [0, 1] and behaves well for small n and shares near 0 or 1.
 * With n = 0 there is no information: the interval is [0, 1].
 * @example wilsonInterval(8, 10) // [0.4902, 0.9433] (rounded)
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval {
  if (n <= 0) return [0, 1];
  if (successes < 0 || successes > n) throw new RangeError('successes must be between 0 and n');
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // Exact ends at 0 and n (rounding would otherwise leave 1e-17 outside [0, 1]).
  return [successes === 0 ? 0 : Math.max(0, center - half), successes === n ? 1 : Math.min(1, center + half)];
}
