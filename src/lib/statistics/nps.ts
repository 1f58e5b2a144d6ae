import { Z95 } from './distributions.js';
import type { Interval } from './proportions.js';

/** A Net Promoter Score with its 95% interval, on the usual −100…100 scale. */
export interface NpsResult {
  score: number;
  interval: Interval;
  promoters: number;
  passives: number;
  detractors: number;
}

/** Which NPS group a 0–10 answer belongs to: 9–10 promoter, 7–8 passive, 0–6 detractor. */
export function npsGroup(value: number): 'promoter' | 'passive' | 'detractor' {
  return value >= 9 ? 'promoter' : value >= 7 ? 'passive' : 'detractor';
}

/**
 * NPS from group counts. Each answer scores +1 (promoter), 0 (passive) or −1 (detractor); NPS is 100 × their mean.
 * The interval is the normal approximation on that mean: variance = p + d − (p − d)² (p, d: shares of promoters and
 * detractors), standard error √(variance / n), NPS ± z · SE · 100, clamped to [−100, 100]. With n = 0 the score is 0
 * and the interval [−100, 100].
 * @example nps(50, 30, 20) // { score: 30, interval: [14.69…, 45.30…], … }
 */
export function nps(promoters: number, passives: number, detractors: number, z = Z95): NpsResult {
  const n = promoters + passives + detractors;
  if (n === 0) return { score: 0, interval: [-100, 100], promoters, passives, detractors };
  const p = promoters / n;
  const d = detractors / n;
  const mean = p - d;
  const variance = p + d - mean * mean;
  const half = z * Math.sqrt(variance / n);
  return {
    score: 100 * mean,
    interval: [Math.max(-100, 100 * (mean - half)), Math.min(100, 100 * (mean + half))],
    promoters,
    passives,
    detractors,
  };
}

/** NPS from (value 0–10, count) pairs. */
export function npsFromCounts(counts: Iterable<readonly [number, number]>, z = Z95): NpsResult {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const [v, c] of counts) {
    const g = npsGroup(v);
    if (g === 'promoter') promoters += c;
    else if (g === 'passive') passives += c;
    else detractors += c;
  }
  return nps(promoters, passives, detractors, z);
}
