// `npm run bench -- aggregation`: every aggregation method on the truth-inference data sets (accuracy, or
// MAE/RMSE for numeric sets, and time), then Dawid–Skene speed on synthetic answers.
// Data: ../shared/data/truth-inference/<set>/{answers.csv (question,worker,answer), truth.csv (question,truth)},
// or the folder in TRUTH_INFERENCE_DIR. Each method runs with its one default configuration on every set.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CATEGORICAL_METHODS,
  minimaxEntropy,
  NUMERIC_METHODS,
  aggregateCategorical,
  aggregateNumeric,
  dawidSkene,
  encodeCategorical,
  encodeNumeric,
} from '../src/lib/aggregation/index.js';
import { accuracyOf, syntheticCategorical } from '../src/lib/aggregation/synthetic.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.TRUTH_INFERENCE_DIR ?? path.resolve(ROOT, '..', 'shared', 'data', 'truth-inference');

/** Published figures on these sets (Zheng et al., "Truth inference in crowdsourcing", VLDB 2017). */
const PUBLISHED: Record<string, { mv?: string; best: string }> = {
  duck: { mv: 'MV 75.9%', best: 'Minimax entropy 91.7%' },
  dog: { mv: 'MV 81.8%', best: 'Dawid–Skene 84.3%' },
  emotion: { best: 'Mean 12.0 MAE' },
};

function readCsv(file: string): string[][] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => l.split(',').map((c) => c.trim()));
}

/** Median wall time and CPU time of `runs` calls, after warm-up calls (so the JIT has compiled the loops). */
function timed<T>(fn: () => T, runs = 5, warmup = 2): { result: T; wallMs: number; cpuMs: number } {
  let result = fn();
  for (let w = 1; w < warmup; w++) result = fn();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    result = fn();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { result, wallMs: med(walls), cpuMs: med(cpus) };
}

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const fmtMs = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

export async function main() {
  if (!fs.existsSync(DATA)) {
    console.error(`No data folder at ${DATA} (set TRUTH_INFERENCE_DIR).`);
    return;
  }
  console.log(`data: ${DATA}`);
  console.log(`${pad('set', 9)}${pad('method', 8)}${pad('result', 22)}${pad('wall ms', 10)}${pad('cpu ms', 10)}published`);
  for (const set of fs.readdirSync(DATA).sort()) {
    const answersFile = path.join(DATA, set, 'answers.csv');
    const truthFile = path.join(DATA, set, 'truth.csv');
    if (!fs.existsSync(answersFile) || !fs.existsSync(truthFile)) continue;
    const rows = readCsv(answersFile).map(([item, worker, answer]) => ({ item: item!, worker: worker!, answer: answer! }));
    const truth = new Map(readCsv(truthFile).map(([q, t]) => [q!, t!] as const));
    const distinct = new Set(rows.map((r) => r.answer));
    const numeric = distinct.size > 20 && rows.every((r) => Number.isFinite(Number(r.answer)));
    const ref = PUBLISHED[set];
    if (numeric) {
      const enc = encodeNumeric(rows.map((r) => ({ ...r, answer: Number(r.answer) })));
      for (const method of NUMERIC_METHODS) {
        const { result, wallMs, cpuMs } = timed(() => aggregateNumeric(method, enc.data));
        let ae = 0;
        let se = 0;
        let n = 0;
        enc.itemIds.forEach((id, i) => {
          const t = truth.get(id);
          if (t === undefined) return;
          const d = result.values[i]! - Number(t);
          ae += Math.abs(d);
          se += d * d;
          n++;
        });
        const fig = `MAE ${(ae / n).toFixed(2)} RMSE ${Math.sqrt(se / n).toFixed(2)}`;
        console.log(
          `${pad(set, 9)}${pad(method, 8)}${pad(fig, 22)}${pad(fmtMs(wallMs), 10)}${pad(fmtMs(cpuMs), 10)}${method === 'mean' ? (ref?.best ?? '') : ''}`,
        );
      }
      continue;
    }
    // Labels in a fixed (numeric, then text) order, so ties break the same way every run.
    const labels = [...distinct].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
    const enc = encodeCategorical(rows, { labels });
    const truthIdx = Int32Array.from(enc.itemIds, (id) => labels.indexOf(truth.get(id) ?? ''));
    for (const method of CATEGORICAL_METHODS) {
      const { result, wallMs, cpuMs } = timed(() => aggregateCategorical(method, enc.data));
      const fig = `${(accuracyOf(result.labels, truthIdx) * 100).toFixed(2)}% (${result.iterations} it)`;
      const note = method === 'mv' ? (ref?.mv ?? '') : method === 'ds' ? `best: ${ref?.best ?? ''}` : '';
      console.log(`${pad(set, 9)}${pad(method, 8)}${pad(fig, 22)}${pad(fmtMs(wallMs), 10)}${pad(fmtMs(cpuMs), 10)}${note}`);
    }
  }

  console.log('\nDawid–Skene speed on synthetic answers (5 labels, 10 answers an item, workers accurate 55–95%):');
  for (const [items, workers, target] of [
    [2_500, 250, 100],
    [100_000, 2_000, 5_000],
  ] as const) {
    const { data, truth } = syntheticCategorical({ items, workers, labels: 5, overlap: 10, seed: 42 });
    const { result, wallMs, cpuMs } = timed(() => dawidSkene(data), 3, 1);
    console.log(
      `  ${(items * 10).toLocaleString('en')} answers: ${fmtMs(wallMs)} ms wall, ${fmtMs(cpuMs)} ms cpu, ${result.iterations} iterations, ` +
        `accuracy ${(accuracyOf(result.labels, truth) * 100).toFixed(2)}% (target < ${target.toLocaleString('en')} ms)`,
    );
  }
  console.log('Minimax entropy speed on the same kind of answers:');
  for (const items of [2_500, 25_000]) {
    const { data, truth } = syntheticCategorical({ items, workers: 250, labels: 5, overlap: 10, seed: 42 });
    const { result, wallMs, cpuMs } = timed(() => minimaxEntropy(data), 1, 1);
    console.log(
      `  ${(items * 10).toLocaleString('en')} answers: ${fmtMs(wallMs)} ms wall, ${fmtMs(cpuMs)} ms cpu, ${result.iterations} iterations, ` +
        `accuracy ${(accuracyOf(result.labels, truth) * 100).toFixed(2)}%`,
    );
  }
}
