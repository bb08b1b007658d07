/**
 * Which estimator a drivers report uses, and the fit. A linear model gets LMG relative importance
 * beside its svyglm coefficients; a logistic model gets svyglm unless a predictor separates the
 * outcome (a level with no events or no non-events, or coefficients that diverge), where the MLE
 * does not exist and svyglm would print an absurd odds ratio with a tiny SE, or an odds ratio
 * beyond e^10 — then the Firth-penalised fit is reported instead, with a warning naming the terms.
 */
import { ModelError } from "@/lib/models";
import type { TextTable } from "@/lib/models";
import { fitDrivers } from "@/lib/models/fit-drivers";
import { fitFirthDrivers } from "@/lib/models/fit-firth";
import { fitLmg } from "@/lib/models/fit-lmg";
import { LMG_MAX_PREDICTORS } from "@/lib/models/lmg";
import { driversSpecSchema, type DriversSpecInput } from "@/lib/schema/drivers";
import type { FirthResult, LmgImportance } from "@/lib/schema/drivers-methods";
import type { CoefficientFit } from "./rank-drivers";
import type { DriverWarning } from "./types";

/**
 * A log odds ratio beyond ±10 (an odds ratio over 22 000) does not describe survey data: it is
 * near-separation (a level with a handful of events, or a combination of predictors), so "auto"
 * reports the Firth fit for it too.
 */
const EXTREME_LOG_ODDS = 10;

/** What {@link fitReportModel} returns. */
export interface ReportFit {
  method: "svyglm" | "lmg" | "firth";
  statistic: "t" | "z";
  fit: CoefficientFit & { n: number };
  warnings: DriverWarning[];
  lmg: { r2: number; importance: LmgImportance[] } | null;
}

function separationWarning(terms: string[], exact: boolean): DriverWarning {
  const what = exact
    ? `the outcome does not vary within ${terms.join(", ")}: its odds ratio would be infinite (svyglm reports an absurd estimate with a tiny SE)`
    : `the outcome is (nearly) separated by ${terms.join(", ")}: the maximum-likelihood odds ratios diverge or are absurdly large`;
  return { code: "separation", message: `${what}, so the coefficients are Firth-penalised estimates with model-based SEs`, terms };
}

function firthFit(r: FirthResult, fallbackTerms: string[]): ReportFit {
  const terms = r.separation.detected ? r.separation.terms : fallbackTerms;
  return {
    method: "firth",
    statistic: "z",
    fit: {
      n: r.n,
      df_residual: r.df_residual,
      reference_levels: r.reference_levels,
      coefficients: r.coefficients.map((c) => ({ term: c.term, estimate: c.estimate ?? NaN, se: c.se ?? NaN, t: c.z ?? NaN, p_value: c.p_value ?? NaN })),
    },
    warnings: terms.length > 0 ? [separationWarning(terms, r.separation.detected)] : [],
    lmg: null,
  };
}

/**
 * Fit `spec` (a drivers spec without `method`) with the requested method; "auto" picks as above.
 * Unfittable models are {@link ModelError}s; under "auto" a separation is not one.
 *
 * @example fitReportModel(table, { model: "linear", outcome: "confidence", predictors: ["guardrails"] }, "auto").method // "lmg"
 */
export function fitReportModel(table: TextTable, spec: DriversSpecInput, method: "auto" | "svyglm" | "lmg" | "firth"): ReportFit {
  const base = driversSpecSchema.parse(spec);
  if (method === "lmg" || (method === "auto" && base.model === "linear")) {
    if (base.predictors.length > LMG_MAX_PREDICTORS) {
      if (method === "lmg") throw new ModelError("invalid_spec", `too many predictors for relative importance: at most ${LMG_MAX_PREDICTORS}`);
      const fit = fitDrivers(table, base);
      const warning: DriverWarning = { code: "lmg_skipped", message: `relative importance needs at most ${LMG_MAX_PREDICTORS} predictors`, terms: [] };
      return { method: "svyglm", statistic: "t", fit, warnings: [warning], lmg: null };
    }
    const r = fitLmg(table, { ...base, method: "lmg" });
    return { method: "lmg", statistic: "t", fit: r, warnings: [], lmg: { r2: r.r2, importance: r.importance } };
  }
  if (method === "firth") return firthFit(fitFirthDrivers(table, { ...base, method: "firth" }), []);
  try {
    const fit = fitDrivers(table, base);
    const extreme = fit.coefficients.filter((c) => c.term !== "(intercept)" && Math.abs(c.estimate) > EXTREME_LOG_ODDS).map((c) => c.term);
    if (method === "auto" && extreme.length > 0) return firthFit(fitFirthDrivers(table, { ...base, method: "firth" }), extreme);
    return { method: "svyglm", statistic: "t", fit, warnings: [], lmg: null };
  } catch (err) {
    if (method !== "auto" || !(err instanceof ModelError) || err.reason !== "separation") throw err;
    return firthFit(fitFirthDrivers(table, { ...base, method: "firth" }), err.terms);
  }
}
