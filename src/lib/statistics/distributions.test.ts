import { describe, expect, it } from 'vitest';
import { Z95, normalQuantile, studentTCdf, studentTQuantile } from './distributions.js';

describe('distributions', () => {
  describe('normalQuantile', () => {
    it.each([
      [0.975, 1.959963984540054],
      [0.995, 2.5758293035489],
      [0.9, 1.2815515655446],
      [0.01, -2.3263478740408],
      [0.5, 0],
    ])('quantile(%d) = %d (tables)', (p, z) => {
      expect(normalQuantile(p)).toBeCloseTo(z, 8);
    });

    it('refuses p outside (0, 1)', () => {
      expect(() => normalQuantile(0)).toThrow(RangeError);
      expect(() => normalQuantile(1)).toThrow(RangeError);
    });

    it('Z95 is the 0.975 quantile', () => {
      expect(Z95).toBeCloseTo(normalQuantile(0.975), 8);
    });
  });

  describe('studentTQuantile', () => {
    // Reference values: standard t tables (two-sided 95%: the 0.975 quantile).
    it.each([
      [1, 12.7062047362],
      [2, 4.3026527297],
      [5, 2.5705818356],
      [10, 2.228138852],
      [30, 2.0422724563],
      [100, 1.9839715185],
    ])('t(0.975, df=%i) = %d', (df, t) => {
      expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 7);
    });

    it('is symmetric and tends to the normal for large df', () => {
      expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 9);
      expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(Z95, 4);
    });

    it('inverts the CDF', () => {
      for (const df of [1, 3, 12, 60]) for (const p of [0.6, 0.9, 0.99]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 9);
    });
  });
});
