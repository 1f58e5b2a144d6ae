import { describe, expect, it } from 'vitest';
import { minimaxEntropy } from './minimax-entropy.js';
import { majorityVote } from './majority-vote.js';
import { dawidSkene } from './dawid-skene.js';
import { seededRandom } from '../ranking/random.js';
import { accuracyOf, syntheticCategorical } from './synthetic.js';
import type { CategoricalAnswers } from './types.js';

describe('minimaxEntropy', () => {
  it('beats majority vote when workers differ in quality', () => {
    const { data, truth } = syntheticCategorical({
      items: 600,
      workers: 20,
      labels: 3,
      overlap: 6,
      accuracy: (w, r) => (w % 3 === 0 ? 0.4 : 0.6 + 0.35 * r()),
      seed: 31,
    });
    expect(accuracyOf(minimaxEntropy(data).labels, truth)).toBeGreaterThan(accuracyOf(majorityVote(data).labels, truth));
  });

  it('recognises items that mislead most workers the same way', () => {
    // Binary, 20 workers answer every item. On "tricky" items (one in eight, of truth 0) the 12 weaker
    // workers all say 1; the 8 careful workers stay right nine times in ten. Majority vote gets them wrong.
    const rand = seededRandom(5);
    const nItems = 300;
    const nWorkers = 20;
    const truth = Int32Array.from({ length: nItems }, () => (rand() < 0.5 ? 1 : 0));
    const tricky = Array.from({ length: nItems }, (_, i) => truth[i] === 0 && i % 8 === 0);
    const item: number[] = [];
    const worker: number[] = [];
    const label: number[] = [];
    for (let i = 0; i < nItems; i++) {
      for (let w = 0; w < nWorkers; w++) {
        const careful = w < 8;
        let l = rand() < (careful ? 0.9 : 0.75) ? truth[i]! : 1 - truth[i]!;
        if (tricky[i] && !careful) l = 1;
        item.push(i);
        worker.push(w);
        label.push(l);
      }
    }
    const data: CategoricalAnswers = {
      nItems,
      nWorkers,
      nLabels: 2,
      item: Int32Array.from(item),
      worker: Int32Array.from(worker),
      label: Int32Array.from(label),
    };
    const mv = majorityVote(data);
    const mme = minimaxEntropy(data);
    expect(accuracyOf(mme.labels, truth)).toBeGreaterThan(accuracyOf(mv.labels, truth) + 0.05);
    expect(accuracyOf(mme.labels, truth)).toBeGreaterThanOrEqual(accuracyOf(dawidSkene(data).labels, truth));
    // The confusion rows are distributions and careful workers come out better.
    expect(mme.confusion![0]! + mme.confusion![1]!).toBeCloseTo(1);
    expect(mme.workerQuality[0]!).toBeGreaterThan(mme.workerQuality[10]!);
  });

  it('falls back to Dawid–Skene on items with few answers (item terms shrunk)', () => {
    const { data, truth } = syntheticCategorical({ items: 800, workers: 40, labels: 4, overlap: 4, seed: 12 });
    const ds = accuracyOf(dawidSkene(data).labels, truth);
    const shrunk = accuracyOf(minimaxEntropy(data).labels, truth);
    expect(Math.abs(shrunk - ds)).toBeLessThan(0.01);
  });
});
