import { describe, expect, it } from 'vitest';
import { pickPair, type PickerItem } from './pair-picker.js';
import { seededRandom } from './random.js';

describe('pickPair', () => {
  it('returns two different items in a random left/right order', () => {
    const rng = seededRandom(1);
    const items: PickerItem[] = [0, 1, 2].map(() => ({ comparisons: 0, logStrength: 0 }));
    let zeroLeft = 0;
    for (let k = 0; k < 2000; k++) {
      const [a, b] = pickPair(items, rng)!;
      expect(a).not.toBe(b);
      if (a === 0) zeroLeft++;
    }
    // Item 0 is shown in 2/3 of the pairs, on the left half of those times.
    expect(zeroLeft / 2000).toBeGreaterThan(0.28);
    expect(zeroLeft / 2000).toBeLessThan(0.39);
  });

  it('shows an idea with few comparisons far more often than the others', () => {
    const rng = seededRandom(2);
    const items: PickerItem[] = Array.from({ length: 10 }, (_, k) => ({ comparisons: k === 0 ? 0 : 100, logStrength: 0 }));
    let shown = 0;
    for (let k = 0; k < 2000; k++) if (pickPair(items, rng)!.includes(0)) shown++;
    // Uniform pairs would show it in 1/5 of the pairs.
    expect(shown / 2000).toBeGreaterThan(0.6);
  });

  it('prefers pairs whose strengths are close', () => {
    const rng = seededRandom(3);
    const items: PickerItem[] = Array.from({ length: 20 }, (_, k) => ({ comparisons: 10, logStrength: (k - 10) / 2 }));
    let adaptive = 0;
    let uniform = 0;
    const uniformRng = seededRandom(4);
    for (let k = 0; k < 2000; k++) {
      const [a, b] = pickPair(items, rng)!;
      adaptive += Math.abs(items[a]!.logStrength - items[b]!.logStrength);
      const [c, d] = pickPair(items, uniformRng, { exploration: 1 })!;
      uniform += Math.abs(items[c]!.logStrength - items[d]!.logStrength);
    }
    expect(adaptive / 2000).toBeLessThan(0.5 * (uniform / 2000));
  });

  it('never offers an excluded pair, and answers null when none is left or with fewer than two items', () => {
    const rng = seededRandom(5);
    const items: PickerItem[] = [0, 1, 2, 3].map(() => ({ comparisons: 0, logStrength: 0 }));
    const done = new Set(['0-1', '0-2', '0-3', '1-2']);
    for (let k = 0; k < 500; k++) {
      const [a, b] = pickPair(items, rng, { exclude: (i, j) => done.has(`${i}-${j}`) })!;
      expect(done.has(`${Math.min(a, b)}-${Math.max(a, b)}`)).toBe(false);
    }
    expect(pickPair(items, rng, { exclude: () => true })).toBeNull();
    expect(pickPair(items.slice(0, 1), rng)).toBeNull();
  });
});
