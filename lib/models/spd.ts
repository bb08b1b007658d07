/**
 * Symmetric positive-definite p × p matrices (p = number of coefficients, small): Cholesky
 * factor, inverse and log-determinant, as needed by the Firth fit's information matrix.
 */

/**
 * Lower-triangular L with A = L Lᵀ, or null when A is not (numerically) positive definite.
 * @example cholesky([[4, 2], [2, 2]]) // [[2, 0], [1, 1]]
 */
export function cholesky(a: readonly number[][]): number[][] | null {
  const p = a.length;
  const l: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    let d = a[j][j];
    for (let k = 0; k < j; k++) d -= l[j][k] * l[j][k];
    if (!(d > 1e-13 * Math.abs(a[j][j])) || !Number.isFinite(d)) return null;
    l[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < p; i++) {
      let s = a[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      l[i][j] = s / l[j][j];
    }
  }
  return l;
}

/**
 * A⁻¹ from its Cholesky factor L (A = L Lᵀ).
 * @example cholInverse([[2, 0], [1, 1]]) // [[0.5, -0.5], [-0.5, 1]]
 */
export function cholInverse(l: readonly number[][]): number[][] {
  const p = l.length;
  // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹
  const li: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    li[j][j] = 1 / l[j][j];
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i][k] * li[k][j];
      li[i][j] = s / l[i][i];
    }
  }
  const inv: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < p; k++) s += li[k][i] * li[k][j];
      inv[i][j] = s;
      inv[j][i] = s;
    }
  }
  return inv;
}

/**
 * log det A = 2 Σ log Lⱼⱼ.
 * @example cholLogDet([[2, 0], [1, 1]]) // Math.log(4)
 */
export function cholLogDet(l: readonly number[][]): number {
  return l.reduce((s, row, j) => s + 2 * Math.log(row[j]), 0);
}
