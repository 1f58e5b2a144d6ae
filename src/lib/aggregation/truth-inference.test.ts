// Regression guard for the figures in the README: the methods on the public truth-inference data sets
// (../shared/data/truth-inference beside the repository, or TRUTH_INFERENCE_DIR). Skipped when absent.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  aggregateCategorical,
  aggregateNumeric,
  encodeCategorical,
  encodeNumeric,
  type CategoricalMethod,
  type NumericMethod,
} from './index.js';
import { accuracyOf } from './synthetic.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DATA = process.env.TRUTH_INFERENCE_DIR ?? path.resolve(ROOT, '..', 'shared', 'data', 'truth-inference');
const has = (set: string) => fs.existsSync(path.join(DATA, set, 'answers.csv')) && fs.existsSync(path.join(DATA, set, 'truth.csv'));

function read(set: string) {
  const csv = (f: string) =>
    fs
      .readFileSync(path.join(DATA, set, f), 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((l) => l.trim())
      .map((l) => l.split(',').map((c) => c.trim()));
  return {
    answers: csv('answers.csv').map(([item, worker, answer]) => ({ item: item!, worker: worker!, answer: answer! })),
    truth: new Map(csv('truth.csv').map(([q, t]) => [q!, t!] as const)),
  };
}

function categorical(set: string, method: CategoricalMethod): number {
  const { answers, truth } = read(set);
  const labels = [...new Set(answers.map((a) => a.answer))].sort((a, b) => Number(a) - Number(b));
  const enc = encodeCategorical(answers, { labels });
  return accuracyOf(
    aggregateCategorical(method, enc.data).labels,
    Int32Array.from(enc.itemIds, (id) => labels.indexOf(truth.get(id)!)),
  );
}

function mae(set: string, method: NumericMethod): number {
  const { answers, truth } = read(set);
  const enc = encodeNumeric(answers.map((a) => ({ ...a, answer: Number(a.answer) })));
  const r = aggregateNumeric(method, enc.data);
  return enc.itemIds.reduce((s, id, i) => s + Math.abs(r.values[i]! - Number(truth.get(id))), 0) / enc.itemIds.length;
}

describe('aggregation on the truth-inference data sets', () => {
  it.skipIf(!has('duck'))('duck: majority vote 75.9%, minimax entropy at least the published best 91.7%', () => {
    expect(categorical('duck', 'mv')).toBeCloseTo(0.759, 3);
    expect(categorical('duck', 'ds')).toBeGreaterThan(0.89);
    expect(categorical('duck', 'mme')).toBeGreaterThanOrEqual(0.9167);
  });

  it.skipIf(!has('dog'))('dog: majority vote 81.8%, Dawid–Skene and minimax entropy at the published best 84.3%', () => {
    expect(categorical('dog', 'mv')).toBeCloseTo(0.818, 3);
    expect(categorical('dog', 'ds')).toBeGreaterThanOrEqual(0.8426);
    expect(categorical('dog', 'mme')).toBeGreaterThanOrEqual(0.8426);
  });

  it.skipIf(!has('emotion'))('emotion: the robust estimate beats the mean’s 12.0 MAE', () => {
    expect(mae('emotion', 'mean')).toBeCloseTo(12.02, 2);
    expect(mae('emotion', 'robust')).toBeLessThan(12.0);
  });
});
