/**
 * Firth-penalised logistic regression (Firth 1993; brglm2's `type = "AS_mean"` for the logit
 * link) with prior weights as frequency weights. β̂ maximises
 *
 *   ℓ*(β) = Σ wᵢ[yᵢ log μᵢ + (1−yᵢ) log(1−μᵢ)] + ½ log det I(β),  I = Xᵀ diag(w μ(1−μ)) X,
 *
 * i.e. solves the adjusted score equations Xᵀ[w(y − μ) + h(½ − μ)] = 0 with h the hat values of
 * the weighted fit. Solved by quasi-Fisher scoring, β ← β + I⁻¹U*(β) (as brglmFit), halving a
 * step that lowers ℓ*, from brglm2's start: the ML fit to counts adjusted by p/n so that it is
 * finite. Converged when every |step| < ε. ℓ* is bounded above, so the estimate stays finite under
 * separation, where the MLE does not exist.
 */
import { ModelError } from "./errors";
import { fitGlm } from "./glm";
import type { ColumnMatrix } from "./matrix";
import { cholesky, cholInverse, cholLogDet } from "./spd";

/** What {@link fitFirth} returns. */
export interface FirthFit {
  coefficients: number[];
  /** I(β̂)⁻¹: the model-based covariance (dispersion 1) */
  cov: number[][];
  /** Σ w [y log μ + (1−y) log(1−μ)] at β̂ */
  loglik: number;
  /** ½ log det I(β̂) */
  logDetInfoHalf: number;
  converged: boolean;
  iterations: number;
}

/** log(1 + eˣ) without overflow. */
const softplus = (x: number) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

interface State {
  eta: Float64Array;
  loglik: number;
  l: number[][] | null;
}

function evaluate(x: ColumnMatrix, y: Float64Array, w: Float64Array, beta: number[]): State {
  const n = x.nrow;
  const p = x.cols.length;
  const eta = new Float64Array(n);
  x.cols.forEach((c, j) => {
    for (let i = 0; i < n; i++) eta[i] += c[i] * beta[j];
  });
  let loglik = 0;
  const info: number[][] = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const wv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mu = 1 / (1 + Math.exp(-eta[i]));
    loglik -= w[i] * (y[i] * softplus(-eta[i]) + (1 - y[i]) * softplus(eta[i]));
    wv[i] = w[i] * mu * (1 - mu);
  }
  for (let a = 0; a < p; a++) {
    for (let b = 0; b <= a; b++) {
      const ca = x.cols[a];
      const cb = x.cols[b];
      let s = 0;
      for (let i = 0; i < n; i++) s += ca[i] * wv[i] * cb[i];
      info[a][b] = s;
      info[b][a] = s;
    }
  }
  return { eta, loglik, l: cholesky(info) };
}

const penalised = (s: State) => (s.l ? s.loglik + 0.5 * cholLogDet(s.l) : -Infinity);

/** The quasi-Fisher step I⁻¹ Xᵀ[w(y − μ) + h(½ − μ)]. */
function firthStep(x: ColumnMatrix, y: Float64Array, w: Float64Array, s: State, inv: number[][]): number[] {
  const n = x.nrow;
  const p = x.cols.length;
  const score = new Array<number>(p).fill(0);
  const row = new Array<number>(p);
  for (let i = 0; i < n; i++) {
    const mu = 1 / (1 + Math.exp(-s.eta[i]));
    const wi = w[i] * mu * (1 - mu);
    for (let j = 0; j < p; j++) row[j] = x.cols[j][i];
    let q = 0; // xᵢᵀ I⁻¹ xᵢ
    for (let a = 0; a < p; a++) {
      if (row[a] === 0) continue;
      let t = 0;
      for (let b = 0; b < p; b++) t += inv[a][b] * row[b];
      q += row[a] * t;
    }
    const u = w[i] * (y[i] - mu) + wi * q * (0.5 - mu);
    for (let j = 0; j < p; j++) score[j] += row[j] * u;
  }
  return inv.map((r) => r.reduce((acc, v, k) => acc + v * score[k], 0));
}

/**
 * Fit a Firth logistic regression (`x` includes the intercept column, `w` > 0).
 *
 * @example
 * const x = { nrow: 4, cols: [new Float64Array([1, 1, 1, 1]), new Float64Array([0, 0, 1, 1])] };
 * fitFirth(x, new Float64Array([0, 0, 1, 1]), new Float64Array([1, 1, 1, 1])).coefficients // finite: [-1.609, 3.219]
 */
export function fitFirth(x: ColumnMatrix, y: Float64Array, w: Float64Array, epsilon = 1e-12, maxit = 1000): FirthFit {
  const n = x.nrow;
  const p = x.cols.length;
  const adj = p / n;
  const wAdj = w.map((v) => v + adj);
  const yAdj = y.map((v, i) => (w[i] * v + 0.5 * adj) / wAdj[i]);
  let beta = fitGlm(x, yAdj, wAdj, "quasibinomial").coefficients;
  if (beta.length !== p || beta.some((b) => !Number.isFinite(b))) beta = new Array<number>(p).fill(0);
  let state = evaluate(x, y, w, beta);
  let converged = false;
  let iter = 0;
  for (iter = 1; iter <= maxit; iter++) {
    if (!state.l) throw new ModelError("collinearity", "firth: the information matrix is singular");
    const step = firthStep(x, y, w, state, cholInverse(state.l));
    const base = penalised(state);
    let scale = 1;
    let next = evaluate(x, y, w, beta.map((b, j) => b + step[j]));
    // halve a step that lowers the penalised likelihood (not needed near the optimum)
    for (let k = 0; k < 30 && penalised(next) < base - 1e-10 * Math.abs(base); k++) {
      scale /= 2;
      next = evaluate(x, y, w, beta.map((b, j) => b + scale * step[j]));
    }
    beta = beta.map((b, j) => b + scale * step[j]);
    state = next;
    if (step.every((s) => Math.abs(s) < epsilon)) {
      converged = true;
      break;
    }
  }
  if (!state.l) throw new ModelError("collinearity", "firth: the information matrix is singular");
  return {
    coefficients: beta,
    cov: cholInverse(state.l),
    loglik: state.loglik,
    logDetInfoHalf: 0.5 * cholLogDet(state.l),
    converged,
    iterations: Math.min(iter, maxit),
  };
}
