/**
 * The little dense and sparse linear algebra the Bradley–Terry fit needs, on flat row-major Float64Arrays
 * (a symmetric n×n matrix m has m[i * n + j]).
 */

/**
 * Cholesky factor L (lower triangular, m = L·Lᵀ) of a symmetric positive-definite matrix, in place of a copy.
 * @example const L = cholesky(Float64Array.from([4, 2, 2, 3]), 2) // [2, 0, 1, √2]
 */
export function cholesky(m: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = m[ri + j]!;
      for (let k = 0; k < j; k++) s -= L[ri + k]! * L[rj + k]!;
      if (i === j) {
        if (!(s > 0)) throw new RangeError('cholesky: matrix is not positive definite');
        L[ri + i] = Math.sqrt(s);
      } else {
        L[ri + j] = s / L[rj + j]!;
      }
    }
  }
  return L;
}

/**
 * Solves L·y = b for a lower-triangular L (forward substitution), starting at the first non-zero of b.
 * ‖y‖² is then bᵀ·m⁻¹·b when L is the Cholesky factor of m.
 */
export function forwardSolve(L: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  let start = 0;
  while (start < n && b[start] === 0) start++;
  for (let i = start; i < n; i++) {
    const ri = i * n;
    let s = b[i]!;
    for (let k = start; k < i; k++) s -= L[ri + k]! * y[k]!;
    y[i] = s / L[ri + i]!;
  }
  return y;
}

/** Solves Lᵀ·x = y for a lower-triangular L (back substitution). */
export function backSolve(L: Float64Array, n: number, y: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * x[k]!;
    x[i] = s / L[i * n + i]!;
  }
  return x;
}

/**
 * Solves m·x = b for a symmetric positive-definite m given as rows.
 * @example solveSymmetric([[4, 2], [2, 3]], [2, 1]) // [0.5, 0]
 */
export function solveSymmetric(m: readonly (readonly number[])[], b: ArrayLike<number>): number[] {
  const n = m.length;
  const L = cholesky(Float64Array.from(m.flat()), n);
  return Array.from(backSolve(L, n, forwardSolve(L, n, b)));
}

/**
 * Conjugate gradients with a diagonal (Jacobi) preconditioner for a symmetric positive-definite system given by
 * its product `apply(v, out)`; stops when ‖residual‖ ≤ tolerance·‖b‖.
 * @example conjugateGradient((v, out) => { out[0] = 4 * v[0] + 2 * v[1]; out[1] = 2 * v[0] + 3 * v[1]; }, [4, 3], [2, 1]).x // ≈ [0.5, 0]
 */
export function conjugateGradient(
  apply: (v: Float64Array, out: Float64Array) => void,
  diagonal: ArrayLike<number>,
  b: ArrayLike<number>,
  options: { tolerance?: number; maxIterations?: number } = {},
): { x: Float64Array; iterations: number } {
  const n = b.length;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? Math.max(100, 2 * n);
  const x = new Float64Array(n);
  const r = Float64Array.from(b as ArrayLike<number>);
  const z = new Float64Array(n);
  const q = new Float64Array(n);
  let bNorm = 0;
  for (let k = 0; k < n; k++) bNorm += r[k]! * r[k]!;
  bNorm = Math.sqrt(bNorm);
  if (bNorm === 0) return { x, iterations: 0 };
  for (let k = 0; k < n; k++) z[k] = r[k]! / diagonal[k]!;
  const p = Float64Array.from(z);
  let rz = 0;
  for (let k = 0; k < n; k++) rz += r[k]! * z[k]!;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    apply(p, q);
    let pq = 0;
    for (let k = 0; k < n; k++) pq += p[k]! * q[k]!;
    const alpha = rz / pq;
    let rNorm = 0;
    for (let k = 0; k < n; k++) {
      x[k] += alpha * p[k]!;
      r[k] -= alpha * q[k]!;
      rNorm += r[k]! * r[k]!;
    }
    if (Math.sqrt(rNorm) <= tolerance * bNorm) break;
    let rzNext = 0;
    for (let k = 0; k < n; k++) {
      z[k] = r[k]! / diagonal[k]!;
      rzNext += r[k]! * z[k]!;
    }
    const beta = rzNext / rz;
    rz = rzNext;
    for (let k = 0; k < n; k++) p[k] = z[k]! + beta * p[k]!;
  }
  return { x, iterations };
}
