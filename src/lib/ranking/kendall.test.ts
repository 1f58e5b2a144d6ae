import { describe, expect, it } from 'vitest';
import { kendallTau } from './kendall.js';

describe('kendallTau', () => {
  it('is 1 for the same order and -1 for the reverse', () => {
    expect(kendallTau([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
    expect(kendallTau([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
  });

  it('counts one swapped pair out of six as (5 − 1) / 6', () => {
    expect(kendallTau([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(4 / 6, 12);
  });

  it('is tau-b with ties: [1, 1, 2] against [1, 2, 3] gives 2 / √6 (as scipy.stats.kendalltau)', () => {
    expect(kendallTau([1, 1, 2], [1, 2, 3])).toBeCloseTo(2 / Math.sqrt(6), 12);
  });

  it('is 0 when one scoring is constant, and refuses scorings of different lengths', () => {
    expect(kendallTau([1, 1, 1], [1, 2, 3])).toBe(0);
    expect(() => kendallTau([1, 2], [1])).toThrow(RangeError);
  });
});
