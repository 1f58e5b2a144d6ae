/**
 * Adaptive choice of the next pair to show in pairwise voting.
 *
 * A pair teaches the ranking most when its ideas have been compared little (their strengths are uncertain) and
 * when their current strengths are close (the outcome is not a foregone conclusion). So:
 * - with probability `exploration` the pair is drawn uniformly among the allowed pairs (so every pair keeps a
 *   chance, and an early wrong estimate cannot lock the picker out of a region);
 * - otherwise the first idea is drawn with weight 1 / (1 + c_i) (c_i: its comparisons so far), and the second with
 *   weight exp(−(θ_i − θ_j)² / (2·closeness²)) / (1 + c_j), θ being the current log-strengths of the fit.
 * Left and right are then swapped at random, so position carries no signal.
 */

export interface PickerItem {
  /** Comparisons this item took part in. */
  comparisons: number;
  /** Current log-strength (θ) from the latest fit; 0 for a new item. */
  logStrength: number;
}

export interface PickerOptions {
  /** Chance of a uniformly random pair. Default 0.1. */
  exploration?: number;
  /** Width, in log-strength, of "close" (σ of the Gaussian kernel). Default 1. */
  closeness?: number;
  /** Pairs not to offer (e.g. those this person already judged). Receives indices with i < j. */
  exclude?: (i: number, j: number) => boolean;
}

function weightedIndex(weights: readonly number[], rng: () => number): number {
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) return -1;
  let r = rng() * total;
  for (let k = 0; k < weights.length; k++) {
    r -= weights[k]!;
    if (r < 0 && weights[k]! > 0) return k;
  }
  for (let k = weights.length - 1; k >= 0; k--) if (weights[k]! > 0) return k;
  return -1;
}

/**
 * Picks two distinct items to compare, or null when no allowed pair is left.
 * @example
 * const [left, right] = pickPair([{ comparisons: 3, logStrength: 0.2 }, { comparisons: 0, logStrength: 0 }], Math.random)!;
 */
export function pickPair(items: readonly PickerItem[], rng: () => number, options: PickerOptions = {}): [number, number] | null {
  const n = items.length;
  if (n < 2) return null;
  const exploration = options.exploration ?? 0.1;
  const closeness = options.closeness ?? 1;
  const excluded = (a: number, b: number) => (options.exclude ? (a < b ? options.exclude(a, b) : options.exclude(b, a)) : false);
  const order = (a: number, b: number): [number, number] => (rng() < 0.5 ? [a, b] : [b, a]);

  // Items that still have at least one allowed partner.
  const open: boolean[] = items.map((_, i) => {
    for (let j = 0; j < n; j++) if (j !== i && !excluded(i, j)) return true;
    return false;
  });
  if (!open.some(Boolean)) return null;

  if (rng() < exploration) {
    const pairs: [number, number][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (!excluded(i, j)) pairs.push([i, j]);
    const [a, b] = pairs[Math.floor(rng() * pairs.length)]!;
    return order(a, b);
  }

  const first = weightedIndex(
    items.map((it, i) => (open[i] ? 1 / (1 + it.comparisons) : 0)),
    rng,
  );
  const a = items[first]!;
  const second = weightedIndex(
    items.map((it, j) => {
      if (j === first || excluded(first, j)) return 0;
      const d = a.logStrength - it.logStrength;
      // A floor keeps far-apart pairs possible when nothing close is left.
      return (Math.exp(-(d * d) / (2 * closeness * closeness)) + 1e-9) / (1 + it.comparisons);
    }),
    rng,
  );
  return order(first, second);
}
