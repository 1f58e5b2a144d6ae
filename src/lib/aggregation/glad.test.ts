import { describe, expect, it } from 'vitest';
import { glad } from './glad.js';
import { majorityVote } from './majority-vote.js';
import { seededRandom } from '../ranking/random.js';
import { accuracyOf } from './synthetic.js';
import type { CategoricalAnswers } from './types.js';

/** Answers drawn from the GLAD model itself: P(right) = σ(α·β). */
function gladData(seed: number) {
  const rand = seededRandom(seed);
  const nItems = 800;
  const nWorkers = 30;
  const K = 3;
  const alpha = Array.from({ length: nWorkers }, (_, w) => (w < 10 ? 0.1 : 1 + 2 * rand()));
  const beta = Array.from({ length: nItems }, () => Math.exp(rand() * 2 - 1));
  const truth = Int32Array.from({ length: nItems }, () => Math.floor(rand() * K));
  const item: number[] = [];
  const worker: number[] = [];
  const label: number[] = [];
  for (let i = 0; i < nItems; i++) {
    const chosen = new Set<number>();
    while (chosen.size < 6) chosen.add(Math.floor(rand() * nWorkers));
    for (const w of chosen) {
      const p = 1 / (1 + Math.exp(-alpha[w]! * beta[i]!));
      item.push(i);
      worker.push(w);
      label.push(rand() < p ? truth[i]! : (truth[i]! + 1 + Math.floor(rand() * (K - 1))) % K);
    }
  }
  const data: CategoricalAnswers = {
    nItems,
    nWorkers,
    nLabels: K,
    item: Int32Array.from(item),
    worker: Int32Array.from(worker),
    label: Int32Array.from(label),
  };
  return { data, truth, alpha };
}

describe('glad', () => {
  it('beats majority vote on answers from its own model', () => {
    const { data, truth } = gladData(21);
    expect(accuracyOf(glad(data).labels, truth)).toBeGreaterThan(accuracyOf(majorityVote(data).labels, truth));
  });

  it('ranks near-random workers below able ones', () => {
    const { data } = gladData(22);
    const r = glad(data);
    const weak = [...r.workerQuality.subarray(0, 10)];
    const able = [...r.workerQuality.subarray(10)];
    expect(Math.max(...weak)).toBeLessThan(Math.min(...able));
  });

  it('returns probabilities and obeys gold', () => {
    const { data } = gladData(23);
    const gold = new Int32Array(data.nItems).fill(-1);
    gold[0] = 2;
    const r = glad({ ...data, gold });
    expect(r.labels[0]).toBe(2);
    for (let i = 0; i < 10; i++) expect(r.posterior[i * 3]! + r.posterior[i * 3 + 1]! + r.posterior[i * 3 + 2]!).toBeCloseTo(1);
  });
});
