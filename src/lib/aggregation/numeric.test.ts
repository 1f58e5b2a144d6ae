import { describe, expect, it } from 'vitest';
import { numericMean, numericMedian, numericRobust } from './numeric.js';
import { seededRandom } from '../ranking/random.js';
import type { NumericAnswers } from './types.js';

const numeric = (rows: [number, number, number][], nItems: number): NumericAnswers => ({
  nItems,
  nWorkers: Math.max(...rows.map((r) => r[1])) + 1,
  item: Int32Array.from(rows.map((r) => r[0])),
  worker: Int32Array.from(rows.map((r) => r[1])),
  value: Float64Array.from(rows.map((r) => r[2])),
});

describe('numericMean', () => {
  it('averages each item and gives the standard error', () => {
    const r = numericMean(
      numeric(
        [
          [0, 0, 1],
          [0, 1, 3],
          [1, 0, 5],
        ],
        3,
      ),
    );
    expect(r.values[0]).toBe(2);
    expect(r.stdError[0]).toBeCloseTo(Math.SQRT2 / Math.SQRT2); // sd √2, n 2 → 1
    expect(r.values[1]).toBe(5);
    expect(r.stdError[1]).toBeNaN();
    expect(r.values[2]).toBeNaN();
  });
});

describe('numericMedian', () => {
  it('takes the middle answer, or the mean of the two middle ones', () => {
    const r = numericMedian(
      numeric(
        [
          [0, 0, 1],
          [0, 1, 100],
          [0, 2, 3],
          [1, 0, 4],
          [1, 1, 2],
          [1, 2, 10],
          [1, 3, 8],
        ],
        2,
      ),
    );
    expect([...r.values]).toEqual([3, 6]);
  });
});

describe('numericRobust', () => {
  /** 300 items; workers 0–3 answer with sd 2, workers 4–5 with sd 30. */
  function noisy(seed: number) {
    const rand = seededRandom(seed);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    const truth = Float64Array.from({ length: 300 }, () => rand() * 100);
    const rows: [number, number, number][] = [];
    for (let i = 0; i < 300; i++) for (let w = 0; w < 6; w++) rows.push([i, w, truth[i]! + gauss() * (w < 4 ? 2 : 30)]);
    return { data: numeric(rows, 300), truth };
  }
  const mae = (v: Float64Array, t: Float64Array) => v.reduce((s, x, i) => s + Math.abs(x - t[i]!), 0) / t.length;

  it('learns who is noisy and beats the mean', () => {
    const { data, truth } = noisy(1);
    const r = numericRobust(data);
    expect(mae(r.values, truth)).toBeLessThan(mae(numericMean(data).values, truth) / 2);
    expect(r.workerSd![0]).toBeLessThan(10);
    expect(r.workerSd![5]).toBeGreaterThan(15);
  });

  it('resists a worker who sometimes answers wildly', () => {
    // Five workers answer 40 items near 10; worker 4 answers 1000 on one item in four.
    const rows: [number, number, number][] = [];
    const rand = seededRandom(3);
    for (let i = 0; i < 40; i++) for (let w = 0; w < 5; w++) rows.push([i, w, w === 4 && i % 4 === 0 ? 1000 : 10 + (rand() - 0.5) * 4]);
    const data = numeric(rows, 40);
    const robust = numericRobust(data);
    const mean = numericMean(data);
    expect(Math.abs(robust.values[0]! - 10)).toBeLessThan(25);
    expect(Math.abs(mean.values[0]! - 10)).toBeGreaterThan(150);
    expect(robust.workerSd![4]).toBeGreaterThan(robust.workerSd![0]! * 2);
  });

  it('takes the single answer of an item answered once', () => {
    const r = numericRobust(
      numeric(
        [
          [0, 0, 7],
          [1, 0, 3],
          [1, 1, 5],
        ],
        2,
      ),
    );
    expect(r.values[0]).toBe(7);
  });
});
