import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wilsonInterval } from './proportions.js';

describe('proportions', () => {
  describe('wilsonInterval', () => {
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I, method 3 (Wilson score).
    it.each([
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ])('%i of %i gives [%d, %d] (Newcombe 1998)', (k, n, low, high) => {
      const [l, h] = wilsonInterval(k, n);
      expect(l).toBeCloseTo(low, 4);
      expect(h).toBeCloseTo(high, 4);
    });

    it('8 of 10 gives [0.4902, 0.9433]', () => {
      const [l, h] = wilsonInterval(8, 10);
      expect(l).toBeCloseTo(0.490162, 6);
      expect(h).toBeCloseTo(0.943318, 6);
    });

    it('is [0, 1] without data and exact at the ends', () => {
      expect(wilsonInterval(0, 0)).toEqual([0, 1]);
      expect(wilsonInterval(10, 10)[1]).toBe(1);
      expect(wilsonInterval(0, 10)[0]).toBe(0);
    });

    it('always holds the observed share and stays inside [0, 1]', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
          const k = Math.floor(f * n);
          const [l, h] = wilsonInterval(k, n);
          return l >= 0 && h <= 1 && l <= k / n + 1e-12 && k / n <= h + 1e-12;
        }),
      );
    });

    it('refuses impossible counts', () => {
      expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    });
  });
});
