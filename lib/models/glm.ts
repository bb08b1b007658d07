/**
 * Weighted IRLS for the two driver families, a step-for-step port of R's `glm.fit` (R 4.2,
 * `stats/R/glm.R` and the C link functions in `stats/src/family.c`): the same starting values,
 * the same convergence test |dev − devold| / (|dev| + 0.1) < ε, the same step halving, and —
 * what matters for matching `svyglm` to 1e-6 — the same bookkeeping at the end: the working
 * weights and the QR (hence `cov.unscaled`) are those of the last iteration's *input*, while the
 * working residuals use the final fitted values.
 */
import { applyQt, backSolve, chol2inv, householderQr, type ColumnMatrix } from "./matrix";

/** `gaussian()` (identity link) or `quasibinomial()` (logit link). */
export type GlmFamily = "gaussian" | "quasibinomial";

/** Control parameters as R's `glm.control()`. */
export interface GlmControl {
  epsilon: number;
  maxit: number;
  /** relative tolerance for aliased columns in the QR */
  tol: number;
}

/** What {@link fitGlm} returns (coefficients in column order of `x`). */
export interface GlmFit {
  coefficients: number[];
  eta: Float64Array;
  mu: Float64Array;
  /** `glm$weights`: the IRLS working weights of the last iteration */
  workingWeights: Float64Array;
  /** `resid(glm, "working")`: (y − μ) / μ'(η) at the final fit */
  workingResiduals: Float64Array;
  /** `summary(glm)$cov.unscaled` = (Xᵀ W X)⁻¹ */
  covUnscaled: number[][];
  deviance: number;
  iterations: number;
  converged: boolean;
  /** column indices that are linear combinations of earlier columns (empty when full rank) */
  aliased: number[];
}

const EPS = 2.220446049250313e-16;
const THRESH = 30;

interface Family {
  linkfun(mu: number): number;
  linkinv(eta: number): number;
  muEta(eta: number): number;
  variance(mu: number): number;
  devResid(y: number, mu: number, w: number): number;
  validMu(mu: number): boolean;
  muStart(y: number, w: number): number;
}

const yLogY = (y: number, mu: number): number => (y !== 0 ? y * Math.log(y / mu) : 0);

const FAMILIES: Record<GlmFamily, Family> = {
  gaussian: {
    linkfun: (mu) => mu,
    linkinv: (eta) => eta,
    muEta: () => 1,
    variance: () => 1,
    devResid: (y, mu, w) => w * (y - mu) * (y - mu),
    validMu: () => true,
    muStart: (y) => y,
  },
  quasibinomial: {
    linkfun: (mu) => Math.log(mu / (1 - mu)),
    linkinv: (eta) => {
      const t = eta < -THRESH ? EPS : eta > THRESH ? 1 / EPS : Math.exp(eta);
      return t / (1 + t);
    },
    muEta: (eta) => {
      if (eta > THRESH || eta < -THRESH) return EPS;
      const opexp = 1 + Math.exp(eta);
      return Math.exp(eta) / (opexp * opexp);
    },
    variance: (mu) => mu * (1 - mu),
    devResid: (y, mu, w) => 2 * w * (yLogY(y, mu) + yLogY(1 - y, 1 - mu)),
    validMu: (mu) => Number.isFinite(mu) && mu > 0 && mu < 1,
    muStart: (y, w) => (w * y + 0.5) / (w + 1),
  },
};

/** R's `glm.control()` defaults. */
export const DEFAULT_CONTROL: GlmControl = { epsilon: 1e-8, maxit: 25, tol: 1e-7 };

function linearPredictor(x: ColumnMatrix, coef: number[]): Float64Array {
  const eta = new Float64Array(x.nrow);
  x.cols.forEach((c, j) => {
    const b = coef[j];
    for (let i = 0; i < x.nrow; i++) eta[i] += c[i] * b;
  });
  return eta;
}

function deviance(f: Family, y: Float64Array, mu: Float64Array, w: Float64Array): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) d += f.devResid(y[i], mu[i], w[i]);
  return d;
}

interface Step {
  coef: number[];
  w: Float64Array;
  r: number[][];
  aliased: number[];
}

/** One IRLS step from (η, μ): weighted least squares of the working response. */
function irlsStep(f: Family, x: ColumnMatrix, y: Float64Array, prior: Float64Array, eta: Float64Array, mu: Float64Array, tol: number): Step {
  const n = x.nrow;
  const w = new Float64Array(n);
  const zw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const me = f.muEta(eta[i]);
    w[i] = Math.sqrt((prior[i] * me * me) / f.variance(mu[i]));
    zw[i] = (eta[i] + (y[i] - mu[i]) / me) * w[i];
  }
  const xw: ColumnMatrix = { nrow: n, cols: x.cols.map((c) => c.map((v, i) => v * w[i])) };
  const qr = householderQr(xw, tol);
  const aliased = qr.pivot.slice(qr.rank);
  if (aliased.length > 0) return { coef: [], w, r: qr.r, aliased };
  const coef = backSolve(qr.r, applyQt(qr, zw));
  return { coef, w, r: qr.r, aliased };
}

/**
 * Fit a GLM by IRLS exactly as R's `glm.fit(x, y, weights, family = gaussian() | quasibinomial())`.
 * `x` includes the intercept column; `priorWeights` must be positive. When the columns are
 * collinear the fit stops at once with `aliased` set (callers report it as an error).
 *
 * @example
 * const x = { nrow: 4, cols: [new Float64Array([1, 1, 1, 1]), new Float64Array([0, 1, 2, 3])] };
 * fitGlm(x, new Float64Array([1, 3, 5, 7]), new Float64Array([1, 1, 1, 1]), "gaussian").coefficients // [1, 2]
 */
export function fitGlm(
  x: ColumnMatrix,
  y: Float64Array,
  priorWeights: Float64Array,
  family: GlmFamily,
  control: GlmControl = DEFAULT_CONTROL,
): GlmFit {
  const f = FAMILIES[family];
  const n = x.nrow;
  let mu: Float64Array = y.map((yi, i) => f.muStart(yi, priorWeights[i]));
  let eta: Float64Array = mu.map((m) => f.linkfun(m));
  mu = eta.map((e) => f.linkinv(e));
  let devold = deviance(f, y, mu, priorWeights);
  let coefold: number[] | null = null;
  let step: Step | null = null;
  let coef: number[] = [];
  let dev = devold;
  let converged = false;
  let iter = 0;
  const valid = (m: Float64Array) => m.every((v) => f.validMu(v));
  for (iter = 1; iter <= control.maxit; iter++) {
    step = irlsStep(f, x, y, priorWeights, eta, mu, control.tol);
    if (step.aliased.length > 0) break;
    let start = step.coef;
    const update = (s: number[]) => {
      eta = linearPredictor(x, s);
      mu = eta.map((e) => f.linkinv(e));
      dev = deviance(f, y, mu, priorWeights);
    };
    update(start);
    for (let ii = 1; (!Number.isFinite(dev) || !valid(mu)) && coefold !== null && ii <= control.maxit; ii++) {
      const old: number[] = coefold;
      start = start.map((b, j) => (b + old[j]) / 2); // step halving, as glm.fit's inner loops
      update(start);
    }
    if (!Number.isFinite(dev) || !valid(mu)) break;
    coef = start;
    if (Math.abs(dev - devold) / (Math.abs(dev) + 0.1) < control.epsilon) {
      converged = true;
      break;
    }
    devold = dev;
    coefold = start;
  }
  const last = step as Step;
  const workingResiduals = new Float64Array(n);
  for (let i = 0; i < n; i++) workingResiduals[i] = (y[i] - mu[i]) / f.muEta(eta[i]);
  return {
    coefficients: coef,
    eta,
    mu,
    workingWeights: last.w.map((v) => v * v),
    workingResiduals,
    covUnscaled: last.aliased.length > 0 ? [] : chol2inv(last.r),
    deviance: dev,
    iterations: Math.min(iter, control.maxit),
    converged,
    aliased: last.aliased,
  };
}

/**
 * Separation probe: continue plain IRLS for `steps` more iterations from a converged fit and
 * return how far each coefficient moves. At a genuine maximum nothing moves (~1e-9); under
 * perfect or quasi separation the likelihood keeps rising along a direction and the
 * coefficients on it keep growing (about one logit unit per step).
 *
 * @example
 * coefficientDrift(x, y, w, "quasibinomial", fit.coefficients) // [0, 0.97, ...]
 */
export function coefficientDrift(
  x: ColumnMatrix,
  y: Float64Array,
  priorWeights: Float64Array,
  family: GlmFamily,
  coefficients: number[],
  steps = 4,
  tol = DEFAULT_CONTROL.tol,
): number[] {
  const f = FAMILIES[family];
  let coef = coefficients;
  for (let s = 0; s < steps; s++) {
    const eta = linearPredictor(x, coef);
    const mu = eta.map((e) => f.linkinv(e));
    const st = irlsStep(f, x, y, priorWeights, eta, mu, tol);
    if (st.aliased.length > 0 || st.coef.some((b) => !Number.isFinite(b))) break;
    coef = st.coef;
  }
  return coef.map((b, j) => Math.abs(b - coefficients[j]));
}
