/**
 * Small dense linear algebra for regression models: Householder QR with LINPACK `dqrdc2`-style
 * limited pivoting (a column whose remaining norm falls below `tol` × its original norm is
 * aliased — a linear combination of the columns before it — and is moved to the end, as R's
 * `lm`/`glm` do), least-squares solves and (RᵀR)⁻¹ (R's `chol2inv(qr.R(...))`).
 *
 * Matrices are column-major: `cols[j][i]` is row i of column j. Sizes here are p ≤ ~100
 * parameters and n ≤ ~10⁶ rows, so plain loops over Float64Arrays are fast enough.
 */

/** A dense n × p matrix stored by column. */
export interface ColumnMatrix {
  nrow: number;
  /** one Float64Array of length `nrow` per column */
  cols: Float64Array[];
}

/** The result of {@link householderQr}. */
export interface QrResult {
  /** numerical rank (the number of non-aliased columns) */
  rank: number;
  /** original column index of each pivoted column; aliased columns come last */
  pivot: number[];
  /** upper-triangular R (rank × rank, row-major `r[i][j]`, j ≥ i) of the non-aliased columns */
  r: number[][];
  /** Householder vectors: reflection k is I − βₖ vₖ vₖᵀ, with vₖ zero above row k */
  v: Float64Array[];
  /** β_k = 2 / vₖᵀvₖ for each reflection */
  beta: number[];
}

function dot(a: Float64Array, b: Float64Array, from: number): number {
  let s = 0;
  for (let i = from; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function norm(a: Float64Array, from: number): number {
  // scaled to avoid overflow/underflow, as LINPACK's dnrm2
  let scale = 0;
  let ssq = 1;
  for (let i = from; i < a.length; i++) {
    const x = a[i];
    if (x === 0) continue;
    const ax = Math.abs(x);
    if (scale < ax) {
      ssq = 1 + ssq * (scale / ax) ** 2;
      scale = ax;
    } else ssq += (ax / scale) ** 2;
  }
  return scale * Math.sqrt(ssq);
}

/**
 * Householder QR of an n × p matrix with limited pivoting for rank deficiency: column j is
 * declared aliased when its norm orthogonal to the kept columns is < `tol` × its original norm
 * (or it is all zero). The input is not modified.
 *
 * @example
 * const m = { nrow: 3, cols: [new Float64Array([1, 1, 1]), new Float64Array([2, 2, 2])] };
 * householderQr(m).rank // 1 (column 1 is aliased with column 0)
 */
export function householderQr(m: ColumnMatrix, tol = 1e-7): QrResult {
  const n = m.nrow;
  const work = m.cols.map((c) => Float64Array.from(c));
  const original = work.map((c) => norm(c, 0));
  const kept: number[] = [];
  const aliased: number[] = [];
  const v: Float64Array[] = [];
  const beta: number[] = [];
  const rCols: number[][] = []; // column k of R: entries 0..k
  for (let j = 0; j < work.length; j++) {
    const col = work[j];
    const k = kept.length;
    // apply earlier reflections to this column
    for (let q = 0; q < k; q++) {
      const s = beta[q] * dot(v[q], col, q);
      if (s !== 0) for (let i = q; i < n; i++) col[i] -= s * v[q][i];
    }
    const rest = k < n ? norm(col, k) : 0;
    if (k >= n || rest === 0 || rest < tol * original[j]) {
      aliased.push(j);
      continue;
    }
    const alpha = col[k] >= 0 ? -rest : rest;
    const vk = new Float64Array(n);
    vk[k] = col[k] - alpha;
    for (let i = k + 1; i < n; i++) vk[i] = col[i];
    const vv = dot(vk, vk, k);
    v.push(vk);
    beta.push(vv === 0 ? 0 : 2 / vv);
    const rc: number[] = [];
    for (let i = 0; i < k; i++) rc.push(col[i]);
    rc.push(alpha);
    rCols.push(rc);
    kept.push(j);
  }
  const rank = kept.length;
  const r: number[][] = Array.from({ length: rank }, (_, i) =>
    Array.from({ length: rank }, (_, j) => (j >= i ? rCols[j][i] : 0)),
  );
  return { rank, pivot: [...kept, ...aliased], r, v, beta };
}

/**
 * Qᵀy for the reflections of a QR (the first `rank` entries are the "effects" used to solve).
 * @example applyQt(householderQr(m), y).slice(0, rank)
 */
export function applyQt(qr: QrResult, y: Float64Array): Float64Array {
  const out = Float64Array.from(y);
  for (let q = 0; q < qr.v.length; q++) {
    const s = qr.beta[q] * dot(qr.v[q], out, q);
    if (s !== 0) for (let i = q; i < out.length; i++) out[i] -= s * qr.v[q][i];
  }
  return out;
}

/**
 * Solve the upper-triangular system R x = b by back substitution.
 * @example backSolve([[2, 1], [0, 4]], [4, 8]) // [1, 2]
 */
export function backSolve(r: number[][], b: ArrayLike<number>): number[] {
  const p = r.length;
  const x = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i];
    for (let j = i + 1; j < p; j++) s -= r[i][j] * x[j];
    x[i] = s / r[i][i];
  }
  return x;
}

/**
 * Least squares: the β minimising ‖y − Xβ‖ for the kept (non-aliased) columns, in pivot order.
 * @example leastSquares(householderQr(m), y) // coefficients of columns qr.pivot.slice(0, qr.rank)
 */
export function leastSquares(qr: QrResult, y: Float64Array): number[] {
  return backSolve(qr.r, applyQt(qr, y));
}

/**
 * (RᵀR)⁻¹ from an upper-triangular R — R's `chol2inv` — i.e. (XᵀX)⁻¹ when X = QR.
 * @example chol2inv([[2]]) // [[0.25]]
 */
export function chol2inv(r: number[][]): number[][] {
  const p = r.length;
  // R⁻¹ (upper triangular), column by column
  const rinv: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    const e = new Array<number>(p).fill(0);
    e[j] = 1;
    const col = backSolve(r, e);
    for (let i = 0; i < p; i++) rinv[i][j] = col[i];
  }
  const out: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += rinv[i][k] * rinv[j][k];
      out[i][j] = s;
      out[j][i] = s;
    }
  }
  return out;
}
