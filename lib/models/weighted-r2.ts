/**
 * Weighted R² of a least-squares fit, as `lm(y ~ S, weights = w)`:
 * R²(S) = 1 − Σ wᵢ(yᵢ − ŷᵢ)² / Σ wᵢ(yᵢ − ȳ_w)², with ȳ_w = Σ w y / Σ w and R²(∅) = 0.
 * The residual sum of squares is read off the Householder QR of √w·[1, S]: it is the squared
 * norm of the entries of Qᵀ(√w·y) below the rank (aliased columns are dropped, as `lm` does).
 */
import { applyQt, householderQr, type ColumnMatrix } from "./matrix";

/**
 * Σ w (y − ȳ_w)²: the weighted total sum of squares about the weighted mean.
 * @example weightedTss(new Float64Array([1, 3]), new Float64Array([1, 1])) // 2
 */
export function weightedTss(y: Float64Array, w: Float64Array): number {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < y.length; i++) {
    sw += w[i];
    swy += w[i] * y[i];
  }
  const mean = swy / sw;
  let tss = 0;
  for (let i = 0; i < y.length; i++) tss += w[i] * (y[i] - mean) ** 2;
  return tss;
}

/**
 * Weighted residual sum of squares of y on the columns of `x` (include the intercept column).
 * @example weightedRss({ nrow: 3, cols: [new Float64Array([1, 1, 1])] }, new Float64Array([1, 2, 3]), new Float64Array([1, 1, 1])) // 2
 */
export function weightedRss(x: ColumnMatrix, y: Float64Array, w: Float64Array): number {
  const sw = w.map(Math.sqrt);
  const xw: ColumnMatrix = { nrow: x.nrow, cols: x.cols.map((c) => c.map((v, i) => v * sw[i])) };
  const qr = householderQr(xw);
  const effects = applyQt(qr, y.map((v, i) => v * sw[i]));
  let rss = 0;
  for (let i = qr.rank; i < effects.length; i++) rss += effects[i] * effects[i];
  return rss;
}

/**
 * R² of the weighted fit of y on an intercept and `columns` (indices into `x.cols`; column 0
 * is the intercept); the empty set has R² = 0.
 * @example weightedR2(design.x, [1, 2], y, w, weightedTss(y, w))
 */
export function weightedR2(x: ColumnMatrix, columns: readonly number[], y: Float64Array, w: Float64Array, tss: number): number {
  if (columns.length === 0) return 0;
  const sub: ColumnMatrix = { nrow: x.nrow, cols: [x.cols[0], ...columns.map((j) => x.cols[j])] };
  return 1 - weightedRss(sub, y, w) / tss;
}
