import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossing, priceSensitivity, type PriceAnswer } from './price-sensitivity.js';

const answers: PriceAnswer[] = [
  { tooCheap: 5, cheap: 10, expensive: 20, tooExpensive: 30 },
  { tooCheap: 10, cheap: 15, expensive: 25, tooExpensive: 35 },
  { tooCheap: 5, cheap: 10, expensive: 15, tooExpensive: 25 },
  { tooCheap: 10, cheap: 20, expensive: 30, tooExpensive: 40 },
  { tooCheap: 15, cheap: 20, expensive: 25, tooExpensive: 30 },
];

describe('price-sensitivity', () => {
  describe('priceSensitivity', () => {
    it('builds the four cumulative curves (hand-computed)', () => {
      const r = priceSensitivity(answers);
      expect(r.respondents).toBe(5);
      expect(r.curves.map((p) => p.price)).toEqual([5, 10, 15, 20, 25, 30, 35, 40]);
      expect(r.curves.map((p) => p.tooCheap)).toEqual([1, 0.6, 0.2, 0, 0, 0, 0, 0]);
      expect(r.curves.map((p) => p.cheap)).toEqual([1, 1, 0.6, 0.4, 0, 0, 0, 0]);
      expect(r.curves.map((p) => p.expensive)).toEqual([0, 0, 0.2, 0.4, 0.8, 1, 1, 1]);
      expect(r.curves.map((p) => p.tooExpensive)).toEqual([0, 0, 0, 0, 0.2, 0.6, 0.8, 1]);
    });

    it('finds the intersections (hand-computed)', () => {
      const r = priceSensitivity(answers);
      // PMC: tooCheap − notCheap is 0.6 at 10 and 0.2 − 0.4 = −0.2 at 15 → 10 + 5 · 0.6 / 0.8 = 13.75
      expect(r.pointOfMarginalCheapness).toBeCloseTo(13.75, 12);
      // PME: notExpensive − tooExpensive is 0.6 at 20 and 0.2 − 0.2 = 0 at 25 → 25
      expect(r.pointOfMarginalExpensiveness).toBe(25);
      expect(r.acceptableRange).toEqual([13.75, 25]);
      // OPP: tooCheap − tooExpensive is 0.2 at 15 and 0 at 20 → 20
      expect(r.optimalPricePoint).toBe(20);
      // IPP: cheap − expensive is 0.4 at 15 and 0 at 20 → 20
      expect(r.indifferencePricePoint).toBe(20);
    });

    it('interpolates between grid prices', () => {
      // tooCheap: 1 at 100, 0 at 200; tooExpensive: 0 at 100, 1 at 200 → OPP 150
      const r = priceSensitivity([{ tooCheap: 100, cheap: 100, expensive: 200, tooExpensive: 200 }]);
      expect(r.optimalPricePoint).toBe(150);
      expect(r.indifferencePricePoint).toBe(150);
    });

    it('answers nulls without data', () => {
      expect(priceSensitivity([])).toMatchObject({ respondents: 0, curves: [], acceptableRange: null, optimalPricePoint: null });
    });

    it('keeps the range ordered and the points inside the prices named (random data)', () => {
      const answer = fc
        .array(fc.integer({ min: 1, max: 500 }), { minLength: 4, maxLength: 4 })
        .map((v) => v.sort((a, b) => a - b))
        .map(([a, b, c, d]) => ({ tooCheap: a!, cheap: b!, expensive: c!, tooExpensive: d! }));
      fc.assert(
        fc.property(fc.array(answer, { minLength: 1, maxLength: 60 }), (list) => {
          const r = priceSensitivity(list);
          const all = list.flatMap((a) => [a.tooCheap, a.cheap, a.expensive, a.tooExpensive]);
          const inside = (x: number | null) => x === null || (x >= Math.min(...all) && x <= Math.max(...all));
          return (
            inside(r.pointOfMarginalCheapness) &&
            inside(r.pointOfMarginalExpensiveness) &&
            inside(r.optimalPricePoint) &&
            inside(r.indifferencePricePoint) &&
            r.curves.every((p, i, arr) => i === 0 || (p.tooCheap <= arr[i - 1]!.tooCheap && p.tooExpensive >= arr[i - 1]!.tooExpensive))
          );
        }),
      );
    });

    it('downsamples curves for charts but keeps the ends', () => {
      const many = Array.from({ length: 500 }, (_, i) => ({ tooCheap: i, cheap: i + 1000, expensive: i + 2000, tooExpensive: i + 3000 }));
      const r = priceSensitivity(many, 50);
      expect(r.curves).toHaveLength(50);
      expect(r.curves[0]!.price).toBe(0);
      expect(r.curves[49]!.price).toBe(3499);
    });
  });

  describe('crossing', () => {
    it('returns null when the curves do not cross among the prices', () => {
      expect(crossing([1, 2], [1, 1], [0, 0])).toBeNull();
      expect(crossing([1, 2], [0, 0], [1, 1])).toBeNull();
      expect(crossing([0, 10], [1, 0], [0, 1])).toBe(5);
    });
  });
});
