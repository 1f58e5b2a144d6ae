import { describe, expect, it } from 'vitest';
import { dawidSkene } from './dawid-skene.js';
import { majorityVote } from './majority-vote.js';
import { accuracyOf, syntheticCategorical } from './synthetic.js';

describe('dawidSkene', () => {
  it('beats majority vote when workers differ in quality', () => {
    const { data, truth } = syntheticCategorical({
      items: 2000,
      workers: 40,
      labels: 3,
      overlap: 5,
      accuracy: (w, r) => (w % 4 === 0 ? 0.34 : 0.6 + 0.35 * r()),
      seed: 11,
    });
    const ds = dawidSkene(data);
    const mv = majorityVote(data);
    expect(accuracyOf(ds.labels, truth)).toBeGreaterThan(accuracyOf(mv.labels, truth) + 0.02);
  });

  it('estimates each worker’s accuracy (confusion diagonal) close to the true one', () => {
    const { data, accuracy } = syntheticCategorical({ items: 3000, workers: 20, labels: 2, overlap: 7, seed: 5 });
    const r = dawidSkene(data);
    for (let w = 0; w < 20; w++) expect(Math.abs(r.workerQuality[w]! - accuracy[w]!)).toBeLessThan(0.05);
    // Every confusion row is a probability distribution.
    for (let row = 0; row < 20 * 2; row++) expect(r.confusion![row * 2]! + r.confusion![row * 2 + 1]!).toBeCloseTo(1);
  });

  it('sees through a worker who always answers the opposite (binary)', () => {
    const { data, truth } = syntheticCategorical({
      items: 500,
      workers: 6,
      labels: 2,
      overlap: 6,
      accuracy: (w) => (w < 2 ? 0.03 : 0.7),
      seed: 2,
    });
    // A third of the crowd inverts the answer: majority vote is near chance, Dawid–Skene reads them inverted.
    expect(accuracyOf(majorityVote(data).labels, truth)).toBeLessThan(0.7);
    const r = dawidSkene(data);
    expect(accuracyOf(r.labels, truth)).toBeGreaterThan(0.95);
    expect(r.confusion![0 * 4 + 0 * 2 + 1]).toBeGreaterThan(0.9); // worker 0 answers 1 when the truth is 0
  });

  it('uses gold items: they stay at their label and anchor the estimate', () => {
    const { data, truth } = syntheticCategorical({ items: 300, workers: 10, labels: 3, overlap: 3, seed: 9 });
    const gold = new Int32Array(300).fill(-1);
    for (let i = 0; i < 300; i += 10) gold[i] = (truth[i]! + 1) % 3; // deliberately "wrong" gold: still obeyed
    const r = dawidSkene({ ...data, gold });
    for (let i = 0; i < 300; i += 10) {
      expect(r.labels[i]).toBe(gold[i]);
      expect(r.confidence[i]).toBe(1);
    }
  });

  it('converges under the tolerance and is deterministic', () => {
    const { data } = syntheticCategorical({ items: 1000, workers: 30, labels: 5, overlap: 4, seed: 4 });
    const a = dawidSkene(data);
    const b = dawidSkene(data);
    expect(a.iterations).toBeLessThan(100);
    expect([...a.labels]).toEqual([...b.labels]);
  });

  it('handles items without answers and a worker seen once', () => {
    const r = dawidSkene({
      nItems: 3,
      nWorkers: 2,
      nLabels: 2,
      item: Int32Array.of(0, 0, 1),
      worker: Int32Array.of(0, 1, 0),
      label: Int32Array.of(1, 1, 0),
    });
    expect([...r.labels]).toEqual([1, 0, -1]);
    expect(Number.isFinite(r.workerQuality[1]!)).toBe(true);
  });
});
