/**
 * `method: "firth"` on a text table (`golden-drivers2` README §4): the Firth logistic fit with
 * model-based SEs as the primary coefficients, separation diagnostics, and — for contrast — the
 * svyglm(quasibinomial) fit and the ML glm(binomial) fit, which only mean something without
 * separation.
 */
import { pnorm } from "@/lib/stats/distributions";
import type { DriversSpec } from "@/lib/schema/drivers";
import type { FirthResult, ZCoefficient } from "@/lib/schema/drivers-methods";
import type { TextTable } from "./analysis-rows";
import { ModelError } from "./errors";
import { fitFirth } from "./firth";
import { fitGlm } from "./glm";
import { buildModelFrame } from "./model-frame";
import { detectSeparation } from "./separation";
import { finiteOrNull, rControl, svyglmBlock } from "./svyglm-block";

/** The reference's tightly converged ML fits: `glm.control(epsilon = 1e-14, maxit = 200)`. */
const TIGHT = rControl(1e-14, 200);

function zRows(terms: string[], estimates: number[], cov: number[][]): ZCoefficient[] {
  return terms.map((term, j) => {
    const se = Math.sqrt(cov[j]?.[j] ?? NaN);
    const z = estimates[j] / se;
    return { term, estimate: finiteOrNull(estimates[j]), se: finiteOrNull(se), z: finiteOrNull(z), p_value: finiteOrNull(2 * pnorm(-Math.abs(z))) };
  });
}

/**
 * Fit a Firth-penalised logistic driver model.
 *
 * @example
 * fitFirthDrivers(table, driversSpecSchema.parse({ model: "logistic", method: "firth", outcome: "rolled_back", outcome_category: "Yes", predictors: ["guardrails"] }))
 *   .separation.detected // false
 */
export function fitFirthDrivers(table: TextTable, spec: DriversSpec): FirthResult {
  if (spec.model !== "logistic") throw new ModelError("invalid_spec", "method firth needs model logistic");
  const frame = buildModelFrame(table, spec);
  const { design, y, weights } = frame;
  const sv = svyglmBlock(frame, "quasibinomial");
  const svTight = svyglmBlock(frame, "quasibinomial", TIGHT);
  const ml = fitGlm(design.x, y, weights, "quasibinomial", rControl());
  const mlTight = fitGlm(design.x, y, weights, "quasibinomial", TIGHT);
  const separation = detectSeparation(frame, ml, mlTight);
  const firth = fitFirth(design.x, y, weights);
  const coefficients = zRows(design.terms, firth.coefficients, firth.cov);
  const svDrift = sv.fit.coefficients.reduce((m, b, j) => Math.max(m, Math.abs(svTight.fit.coefficients[j] - b)), 0);
  return {
    method: "firth",
    rows: frame.counts,
    n: frame.rows.length,
    predictor_types: frame.predictorTypes,
    outcome_events: y.reduce((s, v) => s + v, 0),
    outcome_events_weighted: y.reduce((s, v, i) => s + v * weights[i], 0),
    separation,
    df_residual: sv.df,
    coefficients,
    firth: {
      type: "AS_mean",
      converged: firth.converged,
      iterations: firth.iterations,
      loglik_weighted: firth.loglik,
      log_det_info_half: firth.logDetInfoHalf,
      penalised_loglik: firth.loglik + firth.logDetInfoHalf,
      coefficients,
    },
    svyglm: {
      converged: sv.fit.converged,
      iterations: sv.fit.iterations,
      df_residual: sv.df,
      coefficients: sv.coefficients,
      diverged: separation.detected,
      max_abs_change_eps_1e8_to_1e14: finiteOrNull(svDrift),
    },
    ml: { converged: mlTight.converged, iterations: mlTight.iterations, epsilon: TIGHT.epsilon, coefficients: zRows(design.terms, mlTight.coefficients, mlTight.covUnscaled) },
    reference_levels: design.referenceLevels,
  };
}
