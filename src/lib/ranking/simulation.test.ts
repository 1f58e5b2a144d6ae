import { describe, expect, it } from 'vitest';
import { simulateRanking } from './simulation.js';

describe('simulateRanking', () => {
  // 30 ideas with true log-strengths drawn N(0, 1), 3,000 comparisons answered by the Bradley–Terry model.
  it.each([1, 2, 3, 4, 5])('recovers the true order with Kendall tau ≥ 0.85 using the adaptive picker (seed %i)', (seed) => {
    const adaptive = simulateRanking({ picker: 'adaptive', seed });
    expect(adaptive.tau).toBeGreaterThanOrEqual(0.85);
    // The picker favours ideas with few comparisons: none is left far behind.
    const mean = 6000 / 30;
    expect(Math.min(...adaptive.comparisonsPerIdea)).toBeGreaterThan(0.5 * mean);
    // Random pairs, for comparison, reach a similar figure (see bench/ranking.ts).
    const random = simulateRanking({ picker: 'random', seed });
    expect(random.tau).toBeGreaterThan(0.8);
  });

  it('is deterministic for a seed', () => {
    const a = simulateRanking({ picker: 'adaptive', seed: 9, ideas: 10, comparisons: 300 });
    const b = simulateRanking({ picker: 'adaptive', seed: 9, ideas: 10, comparisons: 300 });
    expect(a).toEqual(b);
  });

  it('covers the true scores with the 95% intervals most of the time', () => {
    const r = simulateRanking({ picker: 'random', seed: 21 });
    expect(r.intervalCoverage).toBeGreaterThan(0.8);
  });
});
