import { describe, expect, it } from 'vitest';
import { majorityVote } from './majority-vote.js';
import { weightedMajorityVote } from './weighted-majority-vote.js';
import { accuracyOf, syntheticCategorical } from './synthetic.js';
import type { CategoricalAnswers } from './types.js';

const answers = (rows: [number, number, number][], nItems: number, nLabels: number, gold?: number[]): CategoricalAnswers => ({
  nItems,
  nWorkers: Math.max(...rows.map((r) => r[1])) + 1,
  nLabels,
  item: Int32Array.from(rows.map((r) => r[0])),
  worker: Int32Array.from(rows.map((r) => r[1])),
  label: Int32Array.from(rows.map((r) => r[2])),
  ...(gold ? { gold: Int32Array.from(gold) } : {}),
});

describe('majorityVote', () => {
  it('picks the most frequent label with its share as confidence', () => {
    const r = majorityVote(
      answers(
        [
          [0, 0, 1],
          [0, 1, 1],
          [0, 2, 0],
          [1, 0, 2],
          [1, 1, 2],
          [1, 2, 2],
        ],
        2,
        3,
      ),
    );
    expect([...r.labels]).toEqual([1, 2]);
    expect(r.confidence[0]).toBeCloseTo(2 / 3);
    expect(r.confidence[1]).toBe(1);
    expect([...r.posterior.subarray(0, 3)].map((p) => +p.toFixed(3))).toEqual([0.333, 0.667, 0]);
  });

  it('breaks ties toward the lowest label and leaves unanswered items at -1', () => {
    const r = majorityVote(
      answers(
        [
          [0, 0, 2],
          [0, 1, 1],
        ],
        2,
        3,
      ),
    );
    expect([...r.labels]).toEqual([1, -1]);
    expect(r.confidence[1]).toBe(0);
  });

  it('keeps a gold item at its known label and scores workers against it', () => {
    const r = majorityVote(
      answers(
        [
          [0, 0, 1],
          [0, 1, 1],
          [0, 2, 0],
        ],
        1,
        2,
        [0],
      ),
    );
    expect(r.labels[0]).toBe(0);
    expect(r.workerQuality[2]).toBe(1);
    expect(r.workerQuality[0]).toBe(0);
  });
});

describe('weightedMajorityVote', () => {
  it('lets two reliable workers outvote three spammers', () => {
    // Workers 0 and 1 agree with each other on 40 items; workers 2–4 answer at random.
    const { data, truth } = syntheticCategorical({
      items: 400,
      workers: 5,
      labels: 4,
      overlap: 5,
      accuracy: (w) => (w < 2 ? 0.95 : 0.25),
      seed: 7,
    });
    const mv = majorityVote(data);
    const wmv = weightedMajorityVote(data);
    expect(accuracyOf(wmv.labels, truth)).toBeGreaterThan(accuracyOf(mv.labels, truth) + 0.1);
    expect(wmv.workerQuality[0]).toBeGreaterThan(0.8);
    expect(wmv.workerQuality[3]).toBeLessThan(0.5);
  });

  it('gives a posterior whose rows sum to 1', () => {
    const { data } = syntheticCategorical({ items: 50, workers: 10, labels: 3, overlap: 3, seed: 3 });
    const r = weightedMajorityVote(data);
    for (let i = 0; i < 50; i++) expect(r.posterior[i * 3]! + r.posterior[i * 3 + 1]! + r.posterior[i * 3 + 2]!).toBeCloseTo(1);
  });
});
