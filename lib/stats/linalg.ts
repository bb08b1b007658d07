/**
 * Small dense linear algebra for the Rao–Scott design effect matrix: LU decomposition with
 * partial pivoting (Golub & Van Loan, Matrix Computations, alg. 3.4.1) and R's `solve()`
 * singularity rule (LAPACK dgesv + reciprocal 1-norm condition number < machine epsilon).
 */

export type Matrix = number[][];

/**
 * Matrix product A·B.
 * @example matMul([[1, 2]], [[3], [4]]) // [[11]]
 */
export function matMul(a: Matrix, b: Matrix): Matrix {
  const n = a.length;
  const m = b[0]?.length ?? 0;
  const k = b.length;
  const out: Matrix = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < k; l++) {
      const ail = a[i][l];
      if (ail === 0) continue;
      for (let j = 0; j < m; j++) out[i][j] += ail * b[l][j];
    }
  }
  return out;
}

/**
 * Transpose.
 * @example transpose([[1, 2]]) // [[1], [2]]
 */
export function transpose(a: Matrix): Matrix {
  const rows = a.length;
  const cols = a[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => a[i][j]));
}

function oneNorm(a: Matrix): number {
  let best = 0;
  for (let j = 0; j < a.length; j++) {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += Math.abs(a[i][j]);
    best = Math.max(best, s);
  }
  return best;
}

/**
 * Solve A·X = B like R's `solve(a, b)`: returns null when A is exactly singular or its
 * reciprocal condition number (1-norm) is below `Number.EPSILON` ("system is computationally
 * singular").
 * @example solve([[2, 0], [0, 4]], [[2], [4]]) // [[1], [1]]
 */
export function solve(a: Matrix, b: Matrix): Matrix | null {
  const n = a.length;
  const lu = a.map((row) => [...row]);
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(lu[i][k]) > Math.abs(lu[p][k])) p = i;
    if (lu[p][k] === 0 || !Number.isFinite(lu[p][k])) return null;
    [lu[k], lu[p]] = [lu[p], lu[k]];
    [perm[k], perm[p]] = [perm[p], perm[k]];
    for (let i = k + 1; i < n; i++) {
      const f = lu[i][k] / lu[k][k];
      lu[i][k] = f;
      for (let j = k + 1; j < n; j++) lu[i][j] -= f * lu[k][j];
    }
  }
  const solveColumns = (rhs: Matrix): Matrix => {
    const m = rhs[0]?.length ?? 0;
    const x: Matrix = perm.map((pi) => [...rhs[pi]]);
    for (let c = 0; c < m; c++) {
      for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) x[i][c] -= lu[i][j] * x[j][c];
      for (let i = n - 1; i >= 0; i--) {
        for (let j = i + 1; j < n; j++) x[i][c] -= lu[i][j] * x[j][c];
        x[i][c] /= lu[i][i];
      }
    }
    return x;
  };
  const identity = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  const rcond = 1 / (oneNorm(a) * oneNorm(solveColumns(identity)));
  if (!(rcond >= Number.EPSILON)) return null;
  return solveColumns(b);
}
