/**
 * Key-driver regression as R computes it:
 *
 *   des <- svydesign(ids = ~1, weights = ~w, data = rows)
 *   m   <- svyglm(y ~ p1 + p2 + ..., design = des, family = quasibinomial() | gaussian())
 *   summary(m)$coefficients
 *
 * Coefficients come from weighted IRLS (`glm.ts`), SEs from the design-based sandwich
 * (`sandwich.ts`), t = estimate / SE and p = 2·pt(−|t|, df) with df = degf(design) + 1 − rank
 * = n − p (one-stage design without strata: degf = n − 1). Instead of absurd coefficients,
 * collinearity, separation, too few cases and one-level outcomes or predictors throw
 * {@link ModelError}.
 */
import { pt } from "@/lib/stats/distributions";
import { driversSpecSchema, type DriversResult } from "@/lib/schema/drivers";
import { analysisRows, columnIndex, type TextTable } from "./analysis-rows";
import { buildDesignMatrix, columnKind, INTERCEPT, sortedLevels, type DesignMatrix } from "./design-matrix";
import { ModelError } from "./errors";
import { coefficientDrift, fitGlm, type GlmFamily, type GlmFit } from "./glm";
import { sandwichVcov } from "./sandwich";

/** Largest movement of the linear predictor (logit units) over the probe steps that still counts as converged. */
const DRIFT_LIMIT = 0.1;

/**
 * The predictors (columns) of some terms, for a message: levels are not named, since a level in
 * which the outcome is constant, or that coincides with another, tells something about the
 * respondents in it. The terms themselves stay on the error (`ModelError.terms`) for refits.
 */
function quotePredictors(terms: string[], predictors: readonly string[]): string {
  if (terms.length === 0) return "the model as a whole";
  const longestFirst = [...predictors].sort((a, b) => b.length - a.length);
  const names = terms.map((t) => longestFirst.find((p) => t === p || t.startsWith(`${p}=`)) ?? (t === INTERCEPT ? t : "a term"));
  return [...new Set(names)].join(", ");
}

/** A level of a categorical predictor in which the outcome never varies ⇒ the MLE does not exist. */
function constantOutcomeLevels(rows: string[][], y: Float64Array, columns: { name: string; index: number }[]): string[] {
  const out: string[] = [];
  for (const c of columns) {
    const seen = new Map<string, number>(); // level → 0 | 1 | 2 (both)
    rows.forEach((r, i) => {
      const prev = seen.get(r[c.index]);
      seen.set(r[c.index], prev === undefined || prev === y[i] ? y[i] : 2);
    });
    for (const level of sortedLevels(seen.keys())) if (seen.get(level) !== 2) out.push(`${c.name}=${level}`);
  }
  return out;
}

/**
 * Terms along which the fit keeps moving when IRLS is continued (diverging coefficients). Only
 * probed when some |η| > 5: at glm's convergence test a separated row has |η| ≳ 11.
 */
function divergingTerms(design: DesignMatrix, y: Float64Array, w: Float64Array, fit: GlmFit): string[] {
  if (fit.eta.every((e) => Math.abs(e) <= 5)) return [];
  const drift = coefficientDrift(design.x, y, w, "quasibinomial", fit.coefficients);
  const reach = design.x.cols.map((c, j) => drift[j] * c.reduce((m, v) => Math.max(m, Math.abs(v)), 0));
  const moving = design.terms.filter((_, j) => reach[j] > DRIFT_LIMIT);
  const named = moving.filter((t) => t !== INTERCEPT);
  return moving.length === 0 ? [] : named.length > 0 ? named : moving;
}

function checkFit(design: DesignMatrix, y: Float64Array, w: Float64Array, family: GlmFamily, fit: GlmFit, predictors: readonly string[]): void {
  if (fit.aliased.length > 0) {
    const terms = fit.aliased.map((j) => design.terms[j]);
    throw new ModelError("collinearity", `collinear terms (linear combinations of earlier terms) in: ${quotePredictors(terms, predictors)}`, terms);
  }
  if (family === "quasibinomial") {
    const diverging = divergingTerms(design, y, w, fit);
    const extreme = fit.mu.some((m) => m < 1e-10 || m > 1 - 1e-10);
    if (diverging.length > 0 || (extreme && !fit.converged)) {
      throw new ModelError(
        "separation",
        `perfect or quasi separation (coefficients diverge, fitted probabilities go to 0 or 1) in: ${quotePredictors(diverging, predictors)}`,
        diverging,
      );
    }
  }
  if (!fit.converged) throw new ModelError("not_converged", `model did not converge: ${fit.iterations} iterations`);
}

/**
 * Fit a key-driver model on a text table (cells as text, "" = missing). `specInput` is validated
 * against `driversSpecSchema` (shape `DriversSpecInput`); every failure is a one-line {@link ModelError}.
 *
 * @example
 * fitDrivers(
 *   { header: ["rolled_back", "size"], rows: [["Yes", "big"], ["No", "small"], ["No", "big"], ["Yes", "small"], ["No", "big"]] },
 *   { model: "logistic", outcome: "rolled_back", outcome_category: "Yes", predictors: ["size"] },
 * ).coefficients.map((c) => c.term) // ["(intercept)", "size=small"]
 */
export function fitDrivers(table: TextTable, specInput: unknown): DriversResult {
  const parsed = driversSpecSchema.safeParse(specInput);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "spec"}: ${i.message}`);
    throw new ModelError("invalid_spec", `invalid spec: ${issues.join("; ")}`);
  }
  const spec = parsed.data;
  const { rows, y, weights } = analysisRows(table, spec);
  const predictors = spec.predictors.map((name) => {
    const index = columnIndex(table.header, name, "predictor");
    return { name, index, kind: columnKind(table.rows, index) };
  });
  const design = buildDesignMatrix(rows, predictors, spec.reference_levels);
  const n = rows.length;
  const p = design.terms.length;
  if (n <= p) throw new ModelError("too_few_cases", "too few cases: the model needs more analysed rows than coefficients (drop predictors or widen the filters)");
  const family: GlmFamily = spec.model === "logistic" ? "quasibinomial" : "gaussian";
  if (family === "quasibinomial") {
    const constant = constantOutcomeLevels(rows, y, predictors.filter((q) => q.kind === "categorical"));
    if (constant.length > 0) {
      throw new ModelError("separation", `perfect or quasi separation (outcome constant within a level) in: ${quotePredictors(constant, spec.predictors)}`, constant);
    }
  }
  const fit = fitGlm(design.x, y, weights, family);
  checkFit(design, y, weights, family, fit, spec.predictors);
  const vcov = sandwichVcov(design.x, fit.workingWeights, fit.workingResiduals, fit.covUnscaled);
  const df = n - p;
  const coefficients = design.terms.map((term, j) => {
    const estimate = fit.coefficients[j];
    const se = Math.sqrt(vcov[j][j]);
    const t = estimate / se;
    if (!Number.isFinite(t)) throw new ModelError("degenerate", `standard error is zero or undefined: ${term}`, [term]);
    return { term, estimate, se, t, p_value: 2 * pt(-Math.abs(t), df) };
  });
  return { n, df_residual: df, coefficients, reference_levels: design.referenceLevels };
}
