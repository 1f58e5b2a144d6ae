/**
 * Van Westendorp's price sensitivity meter (1976). Each respondent gives four prices:
 * - too cheap: "so cheap that you would doubt its quality";
 * - cheap: "a bargain, a great buy for the money";
 * - expensive: "getting expensive, but you would still consider it";
 * - too expensive: "so expensive that you would not consider buying it".
 *
 * Cumulative curves, at each price p (shares of respondents):
 * - tooCheap(p) = share whose too-cheap price ≥ p, cheap(p) = share whose cheap price ≥ p (both descend:
 *   a respondent who named t finds every price up to t too cheap / a bargain, t included);
 * - expensive(p) = share whose expensive price ≤ p, tooExpensive(p) = share whose too-expensive price ≤ p (both ascend);
 * - notCheap(p) = 1 − cheap(p), notExpensive(p) = 1 − expensive(p).
 *
 * Intersections (van Westendorp's original definitions, also those of the R package pricesensitivitymeter):
 * - PMC, point of marginal cheapness = tooCheap ∩ notCheap (lower end of the acceptable range);
 * - PME, point of marginal expensiveness = tooExpensive ∩ notExpensive (upper end);
 * - OPP, optimal price point = tooCheap ∩ tooExpensive;
 * - IPP, indifference price point = cheap ∩ expensive.
 * (Some practitioners use tooCheap ∩ expensive and tooExpensive ∩ cheap for the range instead; we do not.)
 * Each pair is a descending curve against an ascending one, so their difference never increases along the prices and
 * they cross once: the crossing is found on the grid of every price anyone named, by linear interpolation between the
 * last grid price where the descending curve is above and the first where it is not. No crossing among the named
 * prices gives null.
 */

/** A price answer: four amounts in minor units, tooCheap ≤ cheap ≤ expensive ≤ tooExpensive. */
export interface PriceAnswer {
  tooCheap: number;
  cheap: number;
  expensive: number;
  tooExpensive: number;
}

export const PRICE_PARTS = ['tooCheap', 'cheap', 'expensive', 'tooExpensive'] as const;
export type PricePart = (typeof PRICE_PARTS)[number];

/** The curves at one price. */
export interface PricePoint {
  price: number;
  tooCheap: number;
  cheap: number;
  expensive: number;
  tooExpensive: number;
  notCheap: number;
  notExpensive: number;
}

export interface PriceSensitivity {
  respondents: number;
  curves: PricePoint[];
  acceptableRange: [number, number] | null;
  pointOfMarginalCheapness: number | null;
  pointOfMarginalExpensiveness: number | null;
  optimalPricePoint: number | null;
  indifferencePricePoint: number | null;
}

/** For each part, (price, count) pairs: how many respondents named that price for that part. */
export type PriceCounts = Record<PricePart, Iterable<readonly [number, number]>>;

/**
 * The first crossing of a descending series `down` and an ascending series `up` over the prices `grid`,
 * by linear interpolation; null when they do not cross there.
 * @example crossing([0, 10], [1, 0], [0, 1]) // 5
 */
export function crossing(grid: readonly number[], down: readonly number[], up: readonly number[]): number | null {
  const eps = 1e-12;
  for (let i = 0; i < grid.length; i++) {
    const d = down[i]! - up[i]!;
    if (d <= eps) {
      if (Math.abs(d) <= eps) return grid[i]!;
      if (i === 0) return null; // already below at the lowest price named: the crossing lies outside the data
      const prev = down[i - 1]! - up[i - 1]!;
      return grid[i - 1]! + ((grid[i]! - grid[i - 1]!) * prev) / (prev - d);
    }
  }
  return null;
}

/**
 * The price sensitivity analysis from per-part price counts (as the database aggregates them).
 * `maxPoints` limits the curves returned for charts (the intersections always use every price).
 * @example priceSensitivityFromCounts({ tooCheap: [[5, 1]], cheap: [[10, 1]], expensive: [[20, 1]], tooExpensive: [[30, 1]] })
 */
export function priceSensitivityFromCounts(counts: PriceCounts, maxPoints = 200): PriceSensitivity {
  const maps = Object.fromEntries(
    PRICE_PARTS.map((part) => {
      const m = new Map<number, number>();
      for (const [price, c] of counts[part]) if (c > 0) m.set(price, (m.get(price) ?? 0) + c);
      return [part, m];
    }),
  ) as Record<PricePart, Map<number, number>>;
  const total = (part: PricePart) => [...maps[part].values()].reduce((s, c) => s + c, 0);
  const n = total('tooCheap');
  const empty: PriceSensitivity = {
    respondents: n,
    curves: [],
    acceptableRange: null,
    pointOfMarginalCheapness: null,
    pointOfMarginalExpensiveness: null,
    optimalPricePoint: null,
    indifferencePricePoint: null,
  };
  if (n === 0) return empty;
  const grid = [...new Set(PRICE_PARTS.flatMap((part) => [...maps[part].keys()]))].sort((a, b) => a - b);
  // below[part][i]: respondents whose price for that part is < grid[i]; atOrBelow: ≤ grid[i].
  const series = (part: PricePart) => {
    const m = maps[part];
    const partN = total(part);
    const below: number[] = [];
    const atOrBelow: number[] = [];
    let run = 0;
    for (const p of grid) {
      below.push(run);
      run += m.get(p) ?? 0;
      atOrBelow.push(run);
    }
    return { below, atOrBelow, partN: partN || 1 };
  };
  const tc = series('tooCheap');
  const ch = series('cheap');
  const ex = series('expensive');
  const te = series('tooExpensive');
  const tooCheap = grid.map((_, i) => (tc.partN - tc.below[i]!) / tc.partN);
  const cheap = grid.map((_, i) => (ch.partN - ch.below[i]!) / ch.partN);
  const expensive = grid.map((_, i) => ex.atOrBelow[i]! / ex.partN);
  const tooExpensive = grid.map((_, i) => te.atOrBelow[i]! / te.partN);
  const notCheap = cheap.map((v) => 1 - v);
  const notExpensive = expensive.map((v) => 1 - v);

  const pmc = crossing(grid, tooCheap, notCheap);
  const pme = crossing(grid, notExpensive, tooExpensive);
  const points: PricePoint[] = grid.map((price, i) => ({
    price,
    tooCheap: tooCheap[i]!,
    cheap: cheap[i]!,
    expensive: expensive[i]!,
    tooExpensive: tooExpensive[i]!,
    notCheap: notCheap[i]!,
    notExpensive: notExpensive[i]!,
  }));
  return {
    respondents: n,
    curves: downsample(points, maxPoints),
    acceptableRange: pmc !== null && pme !== null ? [pmc, pme] : null,
    pointOfMarginalCheapness: pmc,
    pointOfMarginalExpensiveness: pme,
    optimalPricePoint: crossing(grid, tooCheap, tooExpensive),
    indifferencePricePoint: crossing(grid, cheap, expensive),
  };
}

/**
 * The analysis from individual answers.
 * @example priceSensitivity([{ tooCheap: 5, cheap: 10, expensive: 20, tooExpensive: 30 }])
 */
export function priceSensitivity(answers: readonly PriceAnswer[], maxPoints = 200): PriceSensitivity {
  const counts = (part: PricePart) => answers.map((a) => [a[part], 1] as const);
  return priceSensitivityFromCounts(
    { tooCheap: counts('tooCheap'), cheap: counts('cheap'), expensive: counts('expensive'), tooExpensive: counts('tooExpensive') },
    maxPoints,
  );
}

/** Keeps at most `max` points, evenly spread, always the first and the last. */
function downsample<T>(points: T[], max: number): T[] {
  if (points.length <= max || max < 2) return points;
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, i) => points[Math.round(i * step)]!);
}
