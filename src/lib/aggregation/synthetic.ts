import { seededRandom } from '../ranking/random.js';
import type { CategoricalAnswers } from './types.js';

export interface SyntheticOptions {
  items: number;
  workers: number;
  labels: number;
  /** Answers per item (each by a different worker). */
  overlap: number;
  /** Per worker: the chance to answer right; wrong answers pick another label at random. Default: uniform in [0.55, 0.95]. */
  accuracy?: (worker: number, rand: () => number) => number;
  seed?: number;
}

/**
 * Crowd answers drawn from a known truth (Dawid–Skene one-coin workers), for tests and benchmarks.
 * @example const { data, truth } = syntheticCategorical({ items: 1000, workers: 50, labels: 3, overlap: 5 })
 */
export function syntheticCategorical(opts: SyntheticOptions): { data: CategoricalAnswers; truth: Int32Array; accuracy: Float64Array } {
  const rand = seededRandom(opts.seed ?? 1);
  const { items, workers, labels: K, overlap } = opts;
  const truth = new Int32Array(items);
  for (let i = 0; i < items; i++) truth[i] = Math.floor(rand() * K);
  const accuracy = new Float64Array(workers);
  for (let w = 0; w < workers; w++) accuracy[w] = opts.accuracy ? opts.accuracy(w, rand) : 0.55 + 0.4 * rand();
  const n = items * overlap;
  const item = new Int32Array(n);
  const worker = new Int32Array(n);
  const label = new Int32Array(n);
  let a = 0;
  const picked = new Int32Array(overlap);
  for (let i = 0; i < items; i++) {
    for (let r = 0; r < overlap; r++) {
      let w: number;
      do w = Math.floor(rand() * workers);
      while (picked.subarray(0, r).includes(w));
      picked[r] = w;
      item[a] = i;
      worker[a] = w;
      if (rand() < accuracy[w]!) label[a] = truth[i]!;
      else {
        const off = 1 + Math.floor(rand() * (K - 1));
        label[a] = (truth[i]! + off) % K;
      }
      a++;
    }
  }
  return { data: { nItems: items, nWorkers: workers, nLabels: K, item, worker, label }, truth, accuracy };
}

/** The share of items whose label equals the truth. */
export function accuracyOf(labels: Int32Array, truth: Int32Array): number {
  let ok = 0;
  for (let i = 0; i < truth.length; i++) if (labels[i] === truth[i]) ok++;
  return ok / truth.length;
}
