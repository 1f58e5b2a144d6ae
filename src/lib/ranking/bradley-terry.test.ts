import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitBradleyTerry, winProbability, type PairRecord } from './bradley-terry.js';
import { cholesky, conjugateGradient, solveSymmetric } from './linear-algebra.js';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('fitBradleyTerry', () => {
  describe('hand-checked examples (plain maximum likelihood)', () => {
    it('two ideas, A beat B 3 times out of 4: P(A beats B) = 3/4, and the interval is the logit Wald interval of 3/4 with n = 4', () => {
      const fit = fitBradleyTerry(2, [{ i: 0, j: 1, winsI: 3, winsJ: 1 }], { priorGames: 0 });
      expect(fit.converged).toBe(true);
      expect(fit.score[0]).toBeCloseTo(0.75, 9);
      expect(fit.score[1]).toBeCloseTo(0.25, 9);
      expect(fit.logStrength[0]! - fit.logStrength[1]!).toBeCloseTo(Math.log(3), 9);
      // Var(θA − θB) = 1 / (n p (1 − p)) = 1 / (4 · 3/16) = 4/3; logit(3/4) = ln 3.
      const half = 1.959963985 * Math.sqrt(4 / 3);
      expect(fit.interval[0]![0]).toBeCloseTo(sigmoid(Math.log(3) - half), 6); // 0.2378
      expect(fit.interval[0]![1]).toBeCloseTo(sigmoid(Math.log(3) + half), 6); // 0.9665
      expect(fit.interval[0]![0]).toBeCloseTo(0.2378, 4);
      expect(fit.interval[0]![1]).toBeCloseTo(0.9665, 4);
    });

    it('three ideas whose counts are exactly the model with strengths 4 : 2 : 1 recover those strengths and scores', () => {
      // A–B: 2–1 (4/6 = 2/3), A–C: 4–1 (4/5), B–C: 2–1 (2/3): the score equations hold exactly at p = (4, 2, 1).
      const fit = fitBradleyTerry(
        3,
        [
          { i: 0, j: 1, winsI: 2, winsJ: 1 },
          { i: 0, j: 2, winsI: 4, winsJ: 1 },
          { i: 1, j: 2, winsI: 2, winsJ: 1 },
        ],
        { priorGames: 0 },
      );
      const p = fit.logStrength.map(Math.exp);
      expect(p[0]! / p[2]!).toBeCloseTo(4, 8);
      expect(p[1]! / p[2]!).toBeCloseTo(2, 8);
      expect(fit.score[0]).toBeCloseTo((2 / 3 + 4 / 5) / 2, 9); // 0.7333
      expect(fit.score[1]).toBeCloseTo((1 / 3 + 2 / 3) / 2, 9); // 0.5
      expect(fit.score[2]).toBeCloseTo((1 / 5 + 1 / 3) / 2, 9); // 0.2667
      expect(winProbability(fit, 0, 2)).toBeCloseTo(0.8, 9);
      expect(fit.comparisons).toEqual([8, 6, 8]);
    });

    it('counts a tie as half a win for each side', () => {
      // A won once and 2 were ties: like 2 wins to 1, so P(A beats B) = 2/3.
      const fit = fitBradleyTerry(2, [{ i: 0, j: 1, winsI: 1, winsJ: 0, ties: 2 }], { priorGames: 0 });
      expect(winProbability(fit, 0, 1)).toBeCloseTo(2 / 3, 9);
      const even = fitBradleyTerry(2, [{ i: 1, j: 0, winsI: 0, winsJ: 0, ties: 5 }], { priorGames: 0 });
      expect(even.score).toEqual([0.5, 0.5]);
    });

    it('reads a record the same whichever way round its pair is written, and adds records of one pair', () => {
      const a = fitBradleyTerry(3, [
        { i: 0, j: 1, winsI: 3, winsJ: 1 },
        { i: 1, j: 2, winsI: 2, winsJ: 2 },
      ]);
      const b = fitBradleyTerry(3, [
        { i: 1, j: 0, winsI: 1, winsJ: 0 },
        { i: 0, j: 1, winsI: 3, winsJ: 0 },
        { i: 2, j: 1, winsI: 2, winsJ: 2 },
      ]);
      for (let k = 0; k < 3; k++) expect(b.logStrength[k]).toBeCloseTo(a.logStrength[k]!, 9);
    });
  });

  describe('the prior (virtual games against a reference of strength 1)', () => {
    it('keeps an idea that won every comparison finite, at the point where the posterior gradient is zero', () => {
      const fit = fitBradleyTerry(2, [{ i: 0, j: 1, winsI: 5, winsJ: 0 }]);
      expect(Number.isFinite(fit.logStrength[0])).toBe(true);
      // By symmetry θB = −θA; with x = e^θA the equation for A is 5 + 1 = 5·x²/(x²+1) + 2·x/(x+1).
      expect(fit.logStrength[1]).toBeCloseTo(-fit.logStrength[0]!, 9);
      const x = Math.exp(fit.logStrength[0]!);
      expect((5 * x * x) / (x * x + 1) + (2 * x) / (x + 1)).toBeCloseTo(6, 9);
      expect(fit.score[0]).toBeLessThan(1);
    });

    it('puts an idea with no comparison at the reference level, with a wide interval', () => {
      const fit = fitBradleyTerry(3, [{ i: 0, j: 1, winsI: 30, winsJ: 10 }]);
      expect(fit.logStrength[2]).toBeCloseTo(0, 9);
      expect(fit.comparisons[2]).toBe(0);
      const width = (k: number) => fit.interval[k]![1] - fit.interval[k]![0];
      expect(width(2)).toBeGreaterThan(width(0));
      expect(fit.interval[2]![0]).toBeLessThan(fit.score[2]!);
      expect(fit.interval[2]![1]).toBeGreaterThan(fit.score[2]!);
    });

    it('gives the same fit by dense Newton, conjugate-gradient Newton and MM, and diagonal intervals above the dense limit', () => {
      const records: PairRecord[] = [
        { i: 0, j: 1, winsI: 4, winsJ: 2, ties: 1 },
        { i: 1, j: 2, winsI: 3, winsJ: 3 },
        { i: 2, j: 3, winsI: 0, winsJ: 2 },
        { i: 0, j: 3, winsI: 1, winsJ: 0 },
      ];
      const newton = fitBradleyTerry(5, records, { method: 'newton' });
      const cg = fitBradleyTerry(5, records, { method: 'newton-cg' });
      const mm = fitBradleyTerry(5, records, { method: 'mm', denseLimit: 0 });
      expect(newton.iterations).toBeLessThan(20);
      expect(mm.converged).toBe(true);
      for (let k = 0; k < 5; k++) expect(mm.logStrength[k]).toBeCloseTo(newton.logStrength[k]!, 7);
      for (let k = 0; k < 5; k++) expect(cg.logStrength[k]).toBeCloseTo(newton.logStrength[k]!, 9);
      for (let k = 0; k < 5; k++) {
        expect(mm.interval[k]![0]).toBeLessThan(mm.score[k]!);
        expect(mm.interval[k]![1]).toBeGreaterThan(mm.score[k]!);
      }
    });

    it('computes intervals for the asked items only, the same as when all are asked', () => {
      const records: PairRecord[] = [
        { i: 0, j: 1, winsI: 7, winsJ: 3 },
        { i: 1, j: 2, winsI: 5, winsJ: 5 },
        { i: 2, j: 3, winsI: 1, winsJ: 4 },
      ];
      const all = fitBradleyTerry(4, records);
      const some = fitBradleyTerry(4, records, { intervals: [2] });
      expect(some.interval).toEqual([null, null, all.interval[2], null]);
      expect(some.standardError[2]).toBeCloseTo(all.standardError[2]!, 12);
      expect(fitBradleyTerry(4, records, { intervals: false }).interval).toEqual([null, null, null, null]);
    });

    it('agrees with the plain maximum likelihood by conjugate gradients too (no prior)', () => {
      const records: PairRecord[] = [
        { i: 0, j: 1, winsI: 2, winsJ: 1 },
        { i: 0, j: 2, winsI: 4, winsJ: 1 },
        { i: 1, j: 2, winsI: 2, winsJ: 1 },
      ];
      const dense = fitBradleyTerry(3, records, { priorGames: 0 });
      const sparse = fitBradleyTerry(3, records, { priorGames: 0, method: 'newton-cg', denseLimit: 0 });
      for (let k = 0; k < 3; k++) expect(sparse.score[k]).toBeCloseTo(dense.score[k]!, 9);
      expect(sparse.interval[0]![0]).toBeLessThan(sparse.score[0]!);
    });

    it('starts from a previous fit and converges in a few steps', () => {
      const records: PairRecord[] = [
        { i: 0, j: 1, winsI: 7, winsJ: 3 },
        { i: 1, j: 2, winsI: 5, winsJ: 5 },
      ];
      const first = fitBradleyTerry(3, records);
      const again = fitBradleyTerry(3, [...records, { i: 0, j: 2, winsI: 1, winsJ: 0 }], { initial: first.logStrength });
      expect(again.converged).toBe(true);
      expect(again.iterations).toBeLessThan(first.iterations + 1);
    });
  });

  describe('properties', () => {
    const arbitraryRecords = fc.integer({ min: 2, max: 8 }).chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(
          fc
            .record({
              i: fc.integer({ min: 0, max: n - 1 }),
              j: fc.integer({ min: 0, max: n - 1 }),
              winsI: fc.integer({ min: 0, max: 20 }),
              winsJ: fc.integer({ min: 0, max: 20 }),
              ties: fc.integer({ min: 0, max: 3 }),
            })
            .filter((r) => r.i !== r.j),
          { maxLength: 25 },
        ),
      ),
    );

    it('scores lie in [0, 1], sum to n/2, sit inside their intervals, and order the ideas as their strengths', () => {
      fc.assert(
        fc.property(arbitraryRecords, ([n, records]) => {
          const fit = fitBradleyTerry(n, records);
          expect(fit.converged).toBe(true);
          const sum = fit.score.reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(n / 2, 8);
          for (let k = 0; k < n; k++) {
            expect(fit.score[k]).toBeGreaterThan(0);
            expect(fit.score[k]).toBeLessThan(1);
            expect(fit.interval[k]![0]).toBeLessThanOrEqual(fit.score[k]! + 1e-12);
            expect(fit.interval[k]![1]).toBeGreaterThanOrEqual(fit.score[k]! - 1e-12);
            for (let m = 0; m < n; m++) {
              if (fit.logStrength[k]! > fit.logStrength[m]! + 1e-9) expect(fit.score[k]).toBeGreaterThan(fit.score[m]!);
            }
          }
        }),
        { numRuns: 200, seed: 7 },
      );
    });

    it('sets the gradient of the log posterior to zero (wins equal expected wins)', () => {
      fc.assert(
        fc.property(arbitraryRecords, ([n, records]) => {
          const fit = fitBradleyTerry(n, records);
          const th = fit.logStrength;
          for (let k = 0; k < n; k++) {
            let observed = 1; // one virtual win against the reference
            let expected = 2 * sigmoid(th[k]!);
            for (const r of records) {
              const t = r.ties ?? 0;
              if (r.i === k) {
                observed += r.winsI + t / 2;
                expected += (r.winsI + r.winsJ + t) * sigmoid(th[k]! - th[r.j]!);
              } else if (r.j === k) {
                observed += r.winsJ + t / 2;
                expected += (r.winsI + r.winsJ + t) * sigmoid(th[k]! - th[r.i]!);
              }
            }
            expect(expected).toBeCloseTo(observed, 6);
          }
        }),
        { numRuns: 200, seed: 11 },
      );
    });
  });

  it('answers empty and single-idea challenges', () => {
    expect(fitBradleyTerry(0, []).score).toEqual([]);
    const one = fitBradleyTerry(1, []);
    expect(one.score).toEqual([0.5]);
    expect(one.interval).toEqual([[0, 1]]);
  });

  it('refuses bad input with a RangeError', () => {
    expect(() => fitBradleyTerry(2, [{ i: 0, j: 0, winsI: 1, winsJ: 0 }])).toThrow(RangeError);
    expect(() => fitBradleyTerry(2, [{ i: 0, j: 2, winsI: 1, winsJ: 0 }])).toThrow(RangeError);
    expect(() => fitBradleyTerry(2, [{ i: 0, j: 1, winsI: -1, winsJ: 0 }])).toThrow(RangeError);
    expect(() => fitBradleyTerry(-1, [])).toThrow(RangeError);
  });
});

describe('linear algebra', () => {
  it('factors, solves, and solves again by conjugate gradients', () => {
    // [[4, 2], [2, 3]] = L·Lᵀ with L = [[2, 0], [1, √2]]; its solution for [2, 1] is [0.5, 0].
    const L = cholesky(Float64Array.from([4, 2, 2, 3]), 2);
    expect(Array.from(L)).toEqual([2, 0, 1, Math.SQRT2]);
    const x = solveSymmetric(
      [
        [4, 2],
        [2, 3],
      ],
      [2, 1],
    );
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
    const cg = conjugateGradient(
      (v, out) => {
        out[0] = 4 * v[0]! + 2 * v[1]!;
        out[1] = 2 * v[0]! + 3 * v[1]!;
      },
      [4, 3],
      [2, 1],
    );
    expect(cg.x[0]).toBeCloseTo(0.5, 10);
    expect(cg.x[1]).toBeCloseTo(0, 10);
    expect(() => cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toThrow(RangeError);
  });
});
