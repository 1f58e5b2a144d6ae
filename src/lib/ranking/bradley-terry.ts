/**
 * The Bradley–Terry model for pairwise "which is better?" votes.
 *
 * Each item i has a strength p_i = exp(θ_i); the chance that i is preferred to j is p_i / (p_i + p_j) = σ(θ_i − θ_j).
 *
 * Fit: maximum a posteriori, by Newton's method with a backtracking line search (the log posterior is concave), or,
 * above `fullCovarianceLimit` items, by the MM algorithm (Hunter 2004, "MM algorithms for generalized Bradley–Terry
 * models"), which needs more but much cheaper steps.
 * - Ties ("can't decide") count as half a win for each side.
 * - Prior: every item plays `priorGames` virtual games against a fixed reference item of strength 1 (θ = 0), half
 *   won and half lost. With the default of 2 (one virtual win, one virtual loss) this is exactly a logistic prior on θ
 *   (density ∝ σ(θ)σ(−θ), standard deviation π/√3 ≈ 1.8): weak, but it keeps every strength finite (an idea that
 *   won all of its few comparisons does not run off to infinity) and puts a new idea, with no comparison yet, at the
 *   reference level, in the middle of the ranking. `priorGames: 0` gives the plain maximum-likelihood fit
 *   (only meaningful when every item has won and lost at least once); strengths are then centred on mean θ = 0.
 *
 * Score: the mean chance of beating each other item, s_i = 1/(n−1) Σ_{j≠i} σ(θ_i − θ_j), in [0, 1]; it orders items
 * as θ does.
 *
 * Interval (95% by default): a Laplace approximation. The covariance of θ is the inverse of the observed Fisher
 * information (the Hessian of the negative log posterior at the fit); the score's standard error comes from the
 * delta method, and the interval is built on the logit scale and mapped back, so it stays inside (0, 1).
 * Above `fullCovarianceLimit` items only the diagonal of the information is used (cheaper, slightly narrower).
 * For two items this is the familiar Wald interval of a binomial proportion on the logit scale.
 */

export interface PairRecord {
  /** Index of one item (0 ≤ i < n). */
  i: number;
  /** Index of the other item (j ≠ i). */
  j: number;
  /** Comparisons i won against j. */
  winsI: number;
  /** Comparisons j won against i. */
  winsJ: number;
  /** Comparisons judged a tie (counted half a win each). */
  ties?: number;
}

export interface BradleyTerryOptions {
  /** Virtual games each item plays against the reference (half won, half lost). Default 2. */
  priorGames?: number;
  /** Stop when no log-strength moves by more than this. Default 1e-10. */
  tolerance?: number;
  /** Default 10 000. */
  maxIterations?: number;
  /** Log-strengths to start from (a previous fit), to converge in a few steps. */
  initial?: readonly number[];
  /** Confidence level of the intervals. Default 0.95. */
  level?: number;
  /** Largest number of items for which the full covariance is computed (and Newton used). Default 400. */
  fullCovarianceLimit?: number;
  /** Compute the intervals and standard errors (O(n³)); skip them when only the order is needed. Default true. */
  intervals?: boolean;
  /** `newton` (a few steps, O(n³) each), `mm` (many cheap steps), or `auto`: Newton up to fullCovarianceLimit items. */
  method?: 'auto' | 'newton' | 'mm';
}

export interface BradleyTerryFit {
  /** θ_i = log p_i. */
  logStrength: number[];
  /** Mean chance of beating each other item. */
  score: number[];
  /** [low, high] interval of the score ([0, 1] when intervals were not asked). */
  interval: [number, number][];
  /** Standard error of θ_i (relative to the reference, or to the mean when priorGames is 0). */
  standardError: number[];
  /** Comparisons each item took part in (ties included). */
  comparisons: number[];
  iterations: number;
  converged: boolean;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/** The quantile of the standard normal distribution (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('normalQuantile: p must be in (0, 1)');
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let q: number;
  let r: number;
  let x: number;
  if (p < low) {
    q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    q = p - 0.5;
    r = q * q;
    x = ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}

function validate(n: number, records: readonly PairRecord[]) {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('fitBradleyTerry: n must be a non-negative integer');
  for (const r of records) {
    if (!(Number.isInteger(r.i) && Number.isInteger(r.j) && r.i >= 0 && r.j >= 0 && r.i < n && r.j < n) || r.i === r.j) {
      throw new RangeError(`fitBradleyTerry: bad pair (${r.i}, ${r.j}) for ${n} items`);
    }
    if (!(r.winsI >= 0 && r.winsJ >= 0 && (r.ties ?? 0) >= 0)) throw new RangeError('fitBradleyTerry: counts must be non-negative');
  }
}

/**
 * Fits the model to aggregated comparison counts.
 * @example
 * // A beat B 3 times out of 4: P(A beats B) = 0.75 in the plain maximum-likelihood fit.
 * const fit = fitBradleyTerry(2, [{ i: 0, j: 1, winsI: 3, winsJ: 1 }], { priorGames: 0 });
 * fit.score // [0.75, 0.25]
 */
export function fitBradleyTerry(n: number, records: readonly PairRecord[], options: BradleyTerryOptions = {}): BradleyTerryFit {
  validate(n, records);
  const g = options.priorGames ?? 2;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 10_000;
  const level = options.level ?? 0.95;

  // Merge records of the same unordered pair; drop empty ones.
  const pairs = new Map<number, Pair>();
  const wins = new Float64Array(n);
  const comparisons = new Array<number>(n).fill(0);
  for (const r of records) {
    const ties = r.ties ?? 0;
    const total = r.winsI + r.winsJ + ties;
    if (total === 0) continue;
    const [i, j, wi, wj] = r.i < r.j ? [r.i, r.j, r.winsI, r.winsJ] : [r.j, r.i, r.winsJ, r.winsI];
    const key = i * n + j;
    const p = pairs.get(key) ?? { i, j, nij: 0, wi: 0, wj: 0 };
    p.nij += total;
    p.wi += wi + ties / 2;
    p.wj += wj + ties / 2;
    pairs.set(key, p);
    wins[i] += wi + ties / 2;
    wins[j] += wj + ties / 2;
    comparisons[i] += total;
    comparisons[j] += total;
  }
  const list = [...pairs.values()];

  const full = n <= (options.fullCovarianceLimit ?? 400);
  const method = options.method && options.method !== 'auto' ? options.method : full ? 'newton' : 'mm';
  const solved =
    method === 'newton'
      ? newton(n, list, wins, g, options.initial, tolerance, Math.min(maxIterations, 200))
      : minorizeMaximize(n, list, wins, g, options.initial, tolerance, maxIterations);
  const { theta, iterations, converged } = solved;
  const score = theta.map((ti, i) => {
    if (n < 2) return 0.5;
    let s = 0;
    for (let j = 0; j < n; j++) if (j !== i) s += sigmoid(ti - theta[j]!);
    return s / (n - 1);
  });

  // Observed information of the log posterior at the fit.
  const info: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const e of list) {
    const pi = sigmoid(theta[e.i]! - theta[e.j]!);
    const w = e.nij * pi * (1 - pi);
    info[e.i]![e.i]! += w;
    info[e.j]![e.j]! += w;
    info[e.i]![e.j]! -= w;
    info[e.j]![e.i]! -= w;
  }
  for (let k = 0; k < n; k++) {
    const q = sigmoid(theta[k]!);
    info[k]![k]! += g * q * (1 - q);
  }
  if (options.intervals === false) {
    return { logStrength: theta, score, interval: score.map(() => [0, 1]), standardError: theta.map(() => NaN), comparisons, iterations, converged };
  }
  let covariance: number[][] | null = null;
  if (full && n > 0) {
    // Without a prior the information is singular along (1, …, 1); adding 11ᵀ/n leaves every contrast
    // (and the score, whose gradient sums to 0) unchanged and makes it invertible.
    if (g === 0) for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) info[a]![b]! += 1 / n;
    covariance = invertSymmetric(info);
  }
  const variance = (k: number) => (covariance ? covariance[k]![k]! : 1 / Math.max(info[k]![k]!, 1e-12));
  const standardError = theta.map((_, k) => Math.sqrt(Math.max(variance(k), 0)));

  const z = normalQuantile(1 - (1 - level) / 2);
  const interval = score.map((s, i): [number, number] => {
    if (n < 2) return [0, 1];
    // Gradient of s_i with respect to θ.
    const grad = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const pij = sigmoid(theta[i]! - theta[j]!);
      const w = (pij * (1 - pij)) / (n - 1);
      grad[i] += w;
      grad[j] -= w;
    }
    let v = 0;
    if (covariance) {
      for (let a = 0; a < n; a++) {
        if (grad[a] === 0) continue;
        let row = 0;
        for (let b = 0; b < n; b++) row += covariance[a]![b]! * grad[b]!;
        v += grad[a]! * row;
      }
    } else {
      for (let a = 0; a < n; a++) v += grad[a]! * grad[a]! * variance(a);
    }
    const seLogit = Math.sqrt(Math.max(v, 0)) / (s * (1 - s));
    const centre = logit(Math.min(Math.max(s, 1e-12), 1 - 1e-12));
    return [sigmoid(centre - z * seLogit), sigmoid(centre + z * seLogit)];
  });

  return { logStrength: theta, score, interval, standardError, comparisons, iterations, converged };
}

/**
 * The model's chance that item i is preferred to item j.
 * @example winProbability(fit, 0, 1) // 0.75
 */
export function winProbability(fit: Pick<BradleyTerryFit, 'logStrength'>, i: number, j: number): number {
  return sigmoid(fit.logStrength[i]! - fit.logStrength[j]!);
}

interface Pair {
  i: number;
  j: number;
  nij: number;
  wi: number;
  wj: number;
}

interface Solved {
  theta: number[];
  iterations: number;
  converged: boolean;
}

/** MM iterations on p = exp(θ), all items updated from the previous vector. */
function minorizeMaximize(n: number, list: Pair[], wins: Float64Array, g: number, initial: readonly number[] | undefined, tolerance: number, maxIterations: number): Solved {
  const p = new Float64Array(n);
  for (let k = 0; k < n; k++) p[k] = Math.exp(initial?.[k] ?? 0);
  const denominator = new Float64Array(n);
  const next = new Float64Array(n);
  let iterations = 0;
  let converged = n === 0;
  while (!converged && iterations < maxIterations) {
    iterations++;
    denominator.fill(0);
    for (const e of list) {
      const t = e.nij / (p[e.i]! + p[e.j]!);
      denominator[e.i] += t;
      denominator[e.j] += t;
    }
    let logMean = 0;
    for (let k = 0; k < n; k++) {
      const num = wins[k]! + g / 2;
      const den = denominator[k]! + g / (p[k]! + 1);
      // An item with no win and no prior has no finite MLE: keep it tiny but finite.
      next[k] = den > 0 ? Math.max(num / den, 1e-12) : p[k]!;
      logMean += Math.log(next[k]!);
    }
    logMean /= n;
    let maxMove = 0;
    for (let k = 0; k < n; k++) {
      // Without a prior the scale is free: centre the log-strengths on 0.
      if (g === 0) next[k] = Math.exp(Math.log(next[k]!) - logMean);
      maxMove = Math.max(maxMove, Math.abs(Math.log(next[k]!) - Math.log(p[k]!)));
      p[k] = next[k]!;
    }
    if (maxMove < tolerance) converged = true;
  }
  return { theta: Array.from(p, (v) => Math.log(v)), iterations, converged };
}

const logSigmoid = (x: number) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));

function logPosterior(theta: readonly number[], list: Pair[], g: number): number {
  let l = 0;
  for (const e of list) {
    const d = theta[e.i]! - theta[e.j]!;
    l += e.wi * logSigmoid(d) + e.wj * logSigmoid(-d);
  }
  if (g > 0) for (const t of theta) l += (g / 2) * (logSigmoid(t) + logSigmoid(-t));
  return l;
}

/** Newton's method on θ with step halving; the information is regularised along 1 when there is no prior. */
function newton(n: number, list: Pair[], wins: Float64Array, g: number, initial: readonly number[] | undefined, tolerance: number, maxIterations: number): Solved {
  let theta = Array.from({ length: n }, (_, k) => initial?.[k] ?? 0);
  let current = logPosterior(theta, list, g);
  let iterations = 0;
  let converged = n === 0;
  while (!converged && iterations < maxIterations) {
    iterations++;
    const grad = new Float64Array(n);
    const info: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (let k = 0; k < n; k++) grad[k] = wins[k]!;
    for (const e of list) {
      const pi = sigmoid(theta[e.i]! - theta[e.j]!);
      grad[e.i] -= e.nij * pi;
      grad[e.j] -= e.nij * (1 - pi);
      const w = e.nij * pi * (1 - pi);
      info[e.i]![e.i]! += w;
      info[e.j]![e.j]! += w;
      info[e.i]![e.j]! -= w;
      info[e.j]![e.i]! -= w;
    }
    for (let k = 0; k < n; k++) {
      const q = sigmoid(theta[k]!);
      grad[k] += g / 2 - g * q;
      info[k]![k]! += g * q * (1 - q) + 1e-9;
      if (g === 0) for (let m = 0; m < n; m++) info[k]![m]! += 1 / n;
    }
    const step = solveSymmetric(info, grad);
    let t = 1;
    let candidate = theta;
    let value = -Infinity;
    for (let halvings = 0; halvings < 40; halvings++) {
      candidate = theta.map((v, k) => v + t * step[k]!);
      if (g === 0) {
        const mean = candidate.reduce((a, b) => a + b, 0) / n;
        candidate = candidate.map((v) => v - mean);
      }
      value = logPosterior(candidate, list, g);
      if (value >= current - 1e-12 * Math.abs(current)) break;
      t /= 2;
    }
    let maxMove = 0;
    for (let k = 0; k < n; k++) maxMove = Math.max(maxMove, Math.abs(candidate[k]! - theta[k]!));
    theta = candidate;
    current = value;
    if (maxMove < tolerance) converged = true;
  }
  return { theta, iterations, converged };
}

function cholesky(m: readonly (readonly number[])[]): number[][] {
  const n = m.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const Li = L[i]!;
    for (let j = 0; j <= i; j++) {
      const Lj = L[j]!;
      let s = m[i]![j]!;
      for (let k = 0; k < j; k++) s -= Li[k]! * Lj[k]!;
      if (i === j) {
        if (!(s > 0)) throw new RangeError('cholesky: matrix is not positive definite');
        Li[i] = Math.sqrt(s);
      } else {
        Li[j] = s / Lj[j]!;
      }
    }
  }
  return L;
}

/** Solves m·x = b for a symmetric positive-definite m. */
export function solveSymmetric(m: readonly (readonly number[])[], b: ArrayLike<number>): number[] {
  const n = m.length;
  const L = cholesky(m);
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i]![k]! * y[k]!;
    y[i] = s / L[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k]![i]! * x[k]!;
    x[i] = s / L[i]![i]!;
  }
  return x;
}

/** Inverse of a symmetric positive-definite matrix by Cholesky decomposition. */
export function invertSymmetric(m: readonly (readonly number[])[]): number[][] {
  const n = m.length;
  const L = cholesky(m);
  // Inverse of L (lower triangular), then (L⁻¹)ᵀ L⁻¹.
  const inv: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    inv[i]![i] = 1 / L[i]![i]!;
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i]![k]! * inv[k]![j]!;
      inv[i]![j] = s / L[i]![i]!;
    }
  }
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += inv[k]![i]! * inv[k]![j]!;
      out[i]![j] = s;
      out[j]![i] = s;
    }
  }
  return out;
}
