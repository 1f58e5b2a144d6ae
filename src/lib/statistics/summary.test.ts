import { describe, expect, it } from 'vitest';
import { binOf, binningFor, histogram, meanInterval, median, medianFromCounts, moments, momentsFromCounts } from './summary.js';

describe('summary', () => {
  describe('moments', () => {
    it('matches the textbook sample standard deviation', () => {
      // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population sd 2, sample sd √(32/7)
      const m = moments([2, 4, 4, 4, 5, 5, 7, 9]);
      expect(m.n).toBe(8);
      expect(m.mean).toBe(5);
      expect(m.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
      expect(
        momentsFromCounts([
          [2, 1],
          [4, 3],
          [5, 2],
          [7, 1],
          [9, 1],
        ]),
      ).toEqual(m);
    });

    it('has no spread for one value and no mean for none', () => {
      expect(moments([3])).toEqual({ n: 1, mean: 3, sd: 0 });
      expect(moments([]).n).toBe(0);
    });
  });

  describe('meanInterval', () => {
    it('uses Student t with n − 1 degrees of freedom: n = 10, mean 5, sd 2 gives 5 ± t(0.975, 9) · 2/√10 = 5 ± 2.262157 · 0.632456', () => {
      const [l, h] = meanInterval({ n: 10, mean: 5, sd: 2 })!;
      expect(l).toBeCloseTo(3.569286, 6);
      expect(h).toBeCloseTo(6.430714, 6);
    });

    it('is close to the normal interval for large n', () => {
      const [l, h] = meanInterval({ n: 10_000, mean: 0, sd: 1 })!;
      expect(h).toBeCloseTo(1.96 / 100, 4);
      expect(l).toBeCloseTo(-h, 12);
    });

    it('is null with fewer than two values', () => {
      expect(meanInterval({ n: 1, mean: 4, sd: 0 })).toBeNull();
    });
  });

  describe('median', () => {
    it('takes the middle value, or the mean of the two middle values', () => {
      expect(median([3, 1, 2])).toBe(2);
      expect(median([4, 1, 3, 2])).toBe(2.5);
      expect(median([])).toBeNull();
      expect(
        medianFromCounts([
          [5, 3],
          [1, 1],
        ]),
      ).toBe(5);
      expect(
        medianFromCounts([
          [1, 2],
          [7, 2],
        ]),
      ).toBe(4);
    });
  });

  describe('histogram', () => {
    it('uses one bin per integer for a short integer range', () => {
      expect(histogram([1, 2, 2, 3])).toEqual([
        { from: 1, to: 2, count: 1 },
        { from: 2, to: 3, count: 2 },
        { from: 3, to: 4, count: 1 },
      ]);
    });

    it("uses Sturges' rule otherwise and puts the maximum in the last bin", () => {
      const values = Array.from({ length: 1000 }, (_, i) => i / 10);
      const bins = histogram(values);
      expect(bins).toHaveLength(11); // ⌈log2 1000⌉ + 1
      expect(bins.reduce((s, b) => s + b.count, 0)).toBe(1000);
      const b = binningFor(0, 99.9, 1000, false);
      expect(binOf(99.9, b)).toBe(10);
      expect(binOf(0, b)).toBe(0);
    });

    it('makes one bin when every value is the same', () => {
      expect(histogram([2.5, 2.5])).toEqual([{ from: 2.5, to: 3.5, count: 2 }]);
    });
  });
});
