import { fitBradleyTerry, type PairRecord } from './bradley-terry.js';
import { kendallTau } from './kendall.js';
import { pickPair, type PickerOptions } from './pair-picker.js';
import { normal, seededRandom } from './random.js';

export interface SimulationOptions {
  /** Number of ideas. Default 30. */
  ideas?: number;
  /** Number of comparisons drawn. Default 3000. */
  comparisons?: number;
  /** `adaptive` uses pickPair with the current fit; `random` draws a uniform pair each time. */
  picker: 'adaptive' | 'random';
  seed: number;
  /** Standard deviation of the true log-strengths, drawn N(0, spread²). Default 1. */
  spread?: number;
  /** Refit every this many comparisons (the API refits at each request). Default 1. */
  refitEvery?: number;
  /** Options of the adaptive picker. */
  pickerOptions?: PickerOptions;
}

export interface SimulationResult {
  /** Kendall tau-b between the fitted scores and the true strengths. */
  tau: number;
  trueLogStrength: number[];
  fittedScore: number[];
  /** Comparisons each idea took part in. */
  comparisonsPerIdea: number[];
  /** Share of ideas whose true score lies inside its 95% interval. */
  intervalCoverage: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Draws true strengths, simulates a crowd that answers each shown pair according to the Bradley–Terry model,
 * fits the model and measures how well the ranking recovers the truth. Deterministic for a given seed.
 * @example simulateRanking({ picker: 'adaptive', seed: 1 }).tau // about 0.9
 */
export function simulateRanking(options: SimulationOptions): SimulationResult {
  const n = options.ideas ?? 30;
  const total = options.comparisons ?? 3000;
  const refitEvery = options.refitEvery ?? 1;
  const truthRng = seededRandom(options.seed);
  const pickRng = seededRandom(options.seed * 7919 + 1);
  const voteRng = seededRandom(options.seed * 104729 + 2);
  const truth = Array.from({ length: n }, () => normal(truthRng) * (options.spread ?? 1));

  // counts[i][j]: times i beat j.
  const counts: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const seen = new Array<number>(n).fill(0);
  const records = (): PairRecord[] => {
    const out: PairRecord[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (counts[i]![j]! + counts[j]![i]! > 0) out.push({ i, j, winsI: counts[i]![j]!, winsJ: counts[j]![i]! });
    return out;
  };
  let theta = new Array<number>(n).fill(0);
  for (let step = 0; step < total; step++) {
    if (options.picker === 'adaptive' && step > 0 && step % refitEvery === 0) {
      theta = fitBradleyTerry(n, records(), { initial: theta, tolerance: 1e-6, intervals: false }).logStrength;
    }
    let a: number;
    let b: number;
    if (options.picker === 'adaptive') {
      [a, b] = pickPair(
        theta.map((t, k) => ({ logStrength: t, comparisons: seen[k]! })),
        pickRng,
        options.pickerOptions,
      )!;
    } else {
      a = Math.floor(pickRng() * n);
      b = Math.floor(pickRng() * (n - 1));
      if (b >= a) b++;
    }
    seen[a]++;
    seen[b]++;
    if (voteRng() < sigmoid(truth[a]! - truth[b]!)) counts[a]![b]++;
    else counts[b]![a]++;
  }
  const fit = fitBradleyTerry(n, records());
  const trueScore = truth.map((t, i) => truth.reduce((s, u, j) => (j === i ? s : s + sigmoid(t - u)), 0) / (n - 1));
  const covered = trueScore.filter((s, i) => s >= fit.interval[i]![0] && s <= fit.interval[i]![1]).length;
  return {
    tau: kendallTau(fit.score, truth),
    trueLogStrength: truth,
    fittedScore: fit.score,
    comparisonsPerIdea: seen,
    intervalCoverage: covered / n,
  };
}
