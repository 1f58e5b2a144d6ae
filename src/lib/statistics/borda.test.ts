import { describe, expect, it } from 'vitest';
import { borda, positionCounts } from './borda.js';

describe('borda', () => {
  it('ranks the classic Tennessee capital example: Nashville 194, Chattanooga 173, Memphis 126, Knoxville 107', () => {
    // 0 Memphis, 1 Nashville, 2 Chattanooga, 3 Knoxville; 100 voters.
    const rankings = [
      ...Array(42).fill([0, 1, 2, 3]),
      ...Array(26).fill([1, 2, 3, 0]),
      ...Array(15).fill([2, 3, 1, 0]),
      ...Array(17).fill([3, 2, 1, 0]),
    ];
    const scores = borda(positionCounts(rankings, 4));
    expect(scores.map((s) => [s.option, s.score])).toEqual([
      [1, 194],
      [2, 173],
      [0, 126],
      [3, 107],
    ]);
    expect(scores.find((s) => s.option === 0)).toMatchObject({ firstPlace: 42 });
    expect(scores.find((s) => s.option === 1)!.averageRank).toBeCloseTo(1 + (100 * 3 - 194) / 100, 10);
  });

  it('gives null average rank to an option nobody ranked', () => {
    expect(
      borda([
        [0, 0],
        [0, 0],
      ]).map((s) => s.averageRank),
    ).toEqual([null, null]);
  });
});
