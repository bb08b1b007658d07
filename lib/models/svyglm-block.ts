/**
 * The svyglm contrast block of the driver methods, computed on a {@link ModelFrame} without the
 * checks of `fitDrivers` (under separation R still reports it, and so do we, flagged): weights
 * rescaled to mean 1 (`svydesign`), weighted IRLS, sandwich SEs, t on n − p degrees of freedom.
 */
import { pt } from "@/lib/stats/distributions";
import { ModelError } from "./errors";
import { fitGlm, type GlmControl, type GlmFamily, type GlmFit } from "./glm";
import type { ModelFrame } from "./model-frame";
import { sandwichVcov } from "./sandwich";

/**
 * `glm.control(epsilon)` as `glm.fit` applies it: the QR's aliasing tolerance is
 * min(1e-7, ε / 1000), so a separated fit whose working weights collapse keeps its columns.
 * @example rControl(1e-14) // { epsilon: 1e-14, maxit: 25, tol: 1e-17 }
 */
export function rControl(epsilon = 1e-8, maxit = 25): GlmControl {
  return { epsilon, maxit, tol: Math.min(1e-7, epsilon / 1000) };
}

/** A finite number, or null (R's NA in the reference's JSON). */
export const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** One svyglm coefficient row (nullable when the fit is degenerate). */
export interface TRow {
  term: string;
  estimate: number | null;
  se: number | null;
  t: number | null;
  p_value: number | null;
}

/** What {@link svyglmBlock} returns. */
export interface SvyglmBlock {
  fit: GlmFit;
  df: number;
  coefficients: TRow[];
}

/**
 * Fit `svyglm(y ~ …, design = svydesign(ids = ~1, weights = ~w), family)` on the frame.
 * (Collinearity is checked when the frame is built.)
 *
 * @example svyglmBlock(frame, "gaussian").coefficients[0].term // "(intercept)"
 */
export function svyglmBlock(frame: ModelFrame, family: GlmFamily, control: GlmControl = rControl()): SvyglmBlock {
  const { design, y } = frame;
  const mean = frame.weights.reduce((s, v) => s + v, 0) / frame.weights.length;
  const w = frame.weights.map((v) => v / mean);
  const fit = fitGlm(design.x, y, w, family, control);
  if (fit.aliased.length > 0) throw new ModelError("collinearity", `collinear terms: ${fit.aliased.map((j) => design.terms[j]).join(", ")}`);
  const vcov = sandwichVcov(design.x, fit.workingWeights, fit.workingResiduals, fit.covUnscaled);
  const df = frame.rows.length - design.terms.length;
  const coefficients = design.terms.map((term, j) => {
    const estimate = fit.coefficients[j];
    const se = Math.sqrt(vcov[j][j]);
    const t = estimate / se;
    return { term, estimate: finiteOrNull(estimate), se: finiteOrNull(se), t: finiteOrNull(t), p_value: finiteOrNull(2 * pt(-Math.abs(t), df)) };
  });
  return { fit, df, coefficients };
}
