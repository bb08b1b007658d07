/**
 * Design-based (sandwich) variance of GLM coefficients as `survey::svyglm` computes it for
 * `svydesign(ids = ~1, weights = ~w)` (survey 4.1, `svy.varcoef` → `svyrecvar` → `onestrat`):
 *
 *   U_i = x_i · r_i · w_i            (estfun: model row × working residual × working weight)
 *   z_i = A⁻¹ U_i                    (A⁻¹ = `summary(glm)$cov.unscaled`)
 *   V   = n/(n−1) · Σ (z_i − z̄)(z_i − z̄)ᵀ
 *
 * Every row is its own PSU in one stratum, so the with-replacement scale is n/(n−1) and the
 * influence values are centred (z̄ ≈ 0 at the MLE, but R subtracts it, so do we).
 */
import type { ColumnMatrix } from "./matrix";

/**
 * The svyglm coefficient covariance for a single-stage design without strata or fpc.
 *
 * @example
 * const v = sandwichVcov(x, fit.workingWeights, fit.workingResiduals, fit.covUnscaled);
 * Math.sqrt(v[1][1]) // design-based SE of coefficient 1
 */
export function sandwichVcov(
  x: ColumnMatrix,
  workingWeights: Float64Array,
  workingResiduals: Float64Array,
  covUnscaled: number[][],
): number[][] {
  const n = x.nrow;
  const p = x.cols.length;
  // z = estfun %*% Ainv, column by column
  const u = x.cols.map((c) => c.map((v, i) => v * workingResiduals[i] * workingWeights[i]));
  const z: Float64Array[] = [];
  for (let j = 0; j < p; j++) {
    const col = new Float64Array(n);
    for (let k = 0; k < p; k++) {
      const a = covUnscaled[k][j];
      if (a === 0) continue;
      const uk = u[k];
      for (let i = 0; i < n; i++) col[i] += uk[i] * a;
    }
    let mean = 0;
    for (let i = 0; i < n; i++) mean += col[i];
    mean /= n;
    for (let i = 0; i < n; i++) col[i] -= mean;
    z.push(col);
  }
  const scale = n > 1 ? n / (n - 1) : 1;
  const v: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let a = 0; a < p; a++) {
    for (let b = a; b < p; b++) {
      let s = 0;
      const za = z[a];
      const zb = z[b];
      for (let i = 0; i < n; i++) s += za[i] * zb[i];
      v[a][b] = s * scale;
      v[b][a] = s * scale;
    }
  }
  return v;
}
