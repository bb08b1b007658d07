import { z } from "zod";
import { driverCoefficientSchema } from "./drivers";

/**
 * Results of the second-generation driver methods, field for field as the R reference
 * `test/fixtures/golden-drivers2/oracle_drivers2.R` writes them (README §3 and §4). A number R
 * reports as NA (non-finite) is null.
 */

const num = z.number().nullable();

/** `rows`: the CSV's rows, the analysed complete cases (= n), and the rows left out for a missing cell or weight. */
export const modelRowsSchema = z.object({
  csv: z.number().int().nonnegative(),
  analytic: z.number().int().nonnegative(),
  excluded_incomplete: z.number().int().nonnegative(),
  /** rows outside the spec's filters (0 without filters; not in the R reference) */
  excluded_by_filter: z.number().int().nonnegative().optional(),
});
export type ModelRows = z.infer<typeof modelRowsSchema>;

const common = {
  rows: modelRowsSchema,
  n: z.number().int().nonnegative(),
  predictor_types: z.record(z.string(), z.enum(["numeric", "categorical"])),
  df_residual: z.number().int(),
  reference_levels: z.record(z.string(), z.string().nullable()),
};

/** One predictor's LMG share of R² (a categorical predictor is one player). */
export const lmgImportanceSchema = z.object({
  predictor: z.string(),
  /** its model-matrix columns: dummies of a categorical predictor, or 1 */
  columns: z.number().int().positive(),
  lmg: z.number(),
  /** lmg / r2 */
  share: num,
  /** 1 = the largest lmg; ties by spec order */
  rank: z.number().int().positive(),
});
export type LmgImportance = z.infer<typeof lmgImportanceSchema>;

/**
 * `method: "lmg"`: weighted R² of the full model, its Shapley decomposition, every subset's R²,
 * and the svyglm(gaussian) coefficients.
 * @example lmgResultSchema.shape.importance
 */
export const lmgResultSchema = z.object({
  method: z.literal("lmg"),
  ...common,
  r2: z.number(),
  r2_check_lm: z.number(),
  importance: z.array(lmgImportanceSchema),
  subsets: z.array(z.object({ predictors: z.array(z.string()), r2: z.number() })),
  coefficients: z.array(driverCoefficientSchema),
});
export type LmgResult = z.infer<typeof lmgResultSchema>;

/** A coefficient with a normal-theory z (Firth, ML). */
export const zCoefficientSchema = z.object({ term: z.string(), estimate: num, se: num, z: num, p_value: num });
export type ZCoefficient = z.infer<typeof zCoefficientSchema>;

/** A coefficient with svyglm's t on `df_residual` (nullable: the contrast block may be degenerate). */
export const tCoefficientSchema = z.object({ term: z.string(), estimate: num, se: num, t: num, p_value: num });

/** A level whose analysed rows have no events or no non-events (the MLE does not exist). */
export const separatedCellSchema = z.object({
  /** "pred=level", or "pred=level (reference)" */
  term: z.string(),
  n: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  /** the ML estimate at glm's default tolerance and at 1e-14 (absent for a reference level) */
  ml_estimate_default: num.optional(),
  ml_estimate_eps_1e14: num.optional(),
});

export const separationSchema = z.object({
  detected: z.boolean(),
  terms: z.array(z.string()),
  cells: z.array(separatedCellSchema),
  ml_max_abs_change_eps_1e8_to_1e14: num,
});
export type Separation = z.infer<typeof separationSchema>;

/**
 * `method: "firth"`: the Firth (AS_mean) coefficients with model-based SEs, the penalised
 * log-likelihood, separation diagnostics, and svyglm and ML fits for contrast.
 * @example firthResultSchema.shape.firth
 */
export const firthResultSchema = z.object({
  method: z.literal("firth"),
  ...common,
  outcome_events: z.number().int().nonnegative(),
  outcome_events_weighted: z.number(),
  separation: separationSchema,
  coefficients: z.array(zCoefficientSchema),
  firth: z.object({
    type: z.literal("AS_mean"),
    converged: z.boolean(),
    iterations: z.number().int().nonnegative(),
    loglik_weighted: z.number(),
    log_det_info_half: z.number(),
    penalised_loglik: z.number(),
    coefficients: z.array(zCoefficientSchema),
  }),
  svyglm: z.object({
    converged: z.boolean(),
    iterations: z.number().int().nonnegative(),
    df_residual: z.number().int(),
    coefficients: z.array(tCoefficientSchema),
    diverged: z.boolean(),
    max_abs_change_eps_1e8_to_1e14: num,
  }),
  ml: z.object({
    converged: z.boolean(),
    iterations: z.number().int().nonnegative(),
    epsilon: z.number(),
    coefficients: z.array(zCoefficientSchema),
  }),
});
export type FirthResult = z.infer<typeof firthResultSchema>;
