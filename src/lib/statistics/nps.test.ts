import { describe, expect, it } from 'vitest';
import { nps, npsFromCounts, npsGroup } from './nps.js';

describe('nps', () => {
  it('groups 0–6, 7–8, 9–10', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsGroup)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('50 promoters, 30 passives, 20 detractors: NPS 30, interval 30 ± 1.96·√(0.61/100)·100', () => {
    // variance of the ±1/0 scores: 0.5 + 0.2 − 0.3² = 0.61; SE = 0.0781; half width 15.308
    const r = nps(50, 30, 20);
    expect(r.score).toBeCloseTo(30, 10);
    expect(r.interval[0]).toBeCloseTo(14.6921, 3);
    expect(r.interval[1]).toBeCloseTo(45.3079, 3);
  });

  it('computes from 0–10 answer counts', () => {
    const r = npsFromCounts([
      [10, 30],
      [9, 20],
      [8, 20],
      [7, 10],
      [5, 15],
      [0, 5],
    ]);
    expect(r).toMatchObject({ promoters: 50, passives: 30, detractors: 20 });
    expect(r.score).toBeCloseTo(30, 10);
  });

  it('clamps to [−100, 100] and handles no answers', () => {
    expect(nps(10, 0, 0).interval).toEqual([100, 100]);
    expect(nps(0, 0, 0)).toMatchObject({ score: 0, interval: [-100, 100] });
    const few = nps(1, 0, 1);
    expect(few.interval[0]).toBeGreaterThanOrEqual(-100);
    expect(few.interval[1]).toBeLessThanOrEqual(100);
  });
});
