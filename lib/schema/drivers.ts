import { z } from "zod";

/** One value or a list of values, normalised to a list (R's `toJSON(auto_unbox = TRUE)` unboxes length-1 vectors). */
const stringList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

/**
 * How a driver model is estimated (`test/fixtures/golden-drivers2/README.md`): "svyglm" (design-based
 * coefficients), "lmg" (LMG / Shapley relative importance of R², linear) or "firth" (Firth-penalised
 * logistic, finite under separation).
 * @example driversMethodSchema.parse("lmg") // "lmg"
 */
export const driversMethodSchema = z.enum(["svyglm", "lmg", "firth"]);
export type DriversMethod = z.infer<typeof driversMethodSchema>;

/**
 * A key-driver request: survey-weighted regression of an outcome on predictors, as R
 * `survey::svyglm` on `svydesign(ids = ~1, weights = ~weight)`. Field names follow the golden
 * contract in `test/fixtures/golden-drivers/README.md`.
 *
 * - `model`: "logistic" (quasibinomial, outcome = 1 when the cell is one of `outcome_category`)
 *   or "linear" (gaussian, numeric outcome).
 * - `reference_levels`: per categorical predictor, the level to use as the reference instead of
 *   the first in byte order.
 * - `filters`: keep only rows whose cell in each column is one of the listed values.
 *
 * @example
 * driversSpecSchema.parse({ model: "logistic", outcome: "rolled_back", outcome_category: "Yes", predictors: ["guardrails", "size"] })
 */
export const driversSpecSchema = z
  .object({
    model: z.enum(["logistic", "linear"]),
    /** "svyglm" (default): design-based coefficients; "lmg": relative importance (linear); "firth": penalised logistic */
    method: driversMethodSchema.default("svyglm"),
    outcome: z.string().min(1),
    outcome_category: stringList.pipe(z.array(z.string()).min(1)).optional(),
    predictors: stringList.pipe(z.array(z.string().min(1)).min(1)),
    weight: z.string().min(1).optional(),
    reference_levels: z.record(z.string(), z.string()).optional(),
    filters: z.record(z.string(), stringList).default({}),
  })
  .superRefine((spec, ctx) => {
    if (spec.method === "lmg" && spec.model !== "linear") {
      ctx.addIssue({ code: "custom", path: ["method"], message: "method lmg needs model linear" });
    }
    if (spec.method === "firth" && spec.model !== "logistic") {
      ctx.addIssue({ code: "custom", path: ["method"], message: "method firth needs model logistic" });
    }
    if (spec.model === "logistic" && spec.outcome_category === undefined) {
      ctx.addIssue({ code: "custom", path: ["outcome_category"], message: "outcome_category is required for a logistic model" });
    }
    if (spec.model === "linear" && spec.outcome_category !== undefined) {
      ctx.addIssue({ code: "custom", path: ["outcome_category"], message: "outcome_category is only for a logistic model" });
    }
    const seen = new Set<string>();
    spec.predictors.forEach((p, i) => {
      if (seen.has(p)) ctx.addIssue({ code: "custom", path: ["predictors", i], message: `duplicate predictor: ${p}` });
      if (p === spec.outcome) ctx.addIssue({ code: "custom", path: ["predictors", i], message: `outcome used as a predictor: ${p}` });
      if (p === spec.weight) ctx.addIssue({ code: "custom", path: ["predictors", i], message: `weight used as a predictor: ${p}` });
      seen.add(p);
    });
    for (const col of Object.keys(spec.reference_levels ?? {})) {
      if (!seen.has(col)) ctx.addIssue({ code: "custom", path: ["reference_levels", col], message: `not a predictor: ${col}` });
    }
  });

export type DriversSpecInput = z.input<typeof driversSpecSchema>;
export type DriversSpec = z.output<typeof driversSpecSchema>;

/**
 * One coefficient row, as `summary(svyglm)$coefficients`: estimate, design-based SE, t = estimate / SE
 * and the two-sided p-value on `df_residual` degrees of freedom.
 *
 * @example
 * driverCoefficientSchema.parse({ term: "size=5,000+", estimate: 0.4, se: 0.09, t: 4.4, p_value: 1e-5 })
 */
export const driverCoefficientSchema = z.object({
  /** "(intercept)", "column=level" for a categorical level, or the column name of a numeric predictor */
  term: z.string(),
  estimate: z.number(),
  se: z.number(),
  t: z.number(),
  p_value: z.number(),
});
export type DriverCoefficient = z.infer<typeof driverCoefficientSchema>;

/**
 * A fitted driver model. `df_residual` = n − number of coefficients (svyglm: `degf(design) + 1 − rank`);
 * `reference_levels` maps each predictor to its reference level (null for a numeric predictor).
 *
 * @example
 * driversResultSchema.parse({ n: 10, df_residual: 8, coefficients: [], reference_levels: { agents: null } })
 */
export const driversResultSchema = z.object({
  n: z.number().int().nonnegative(),
  df_residual: z.number().int(),
  coefficients: z.array(driverCoefficientSchema),
  reference_levels: z.record(z.string(), z.string().nullable()),
});
export type DriversResult = z.infer<typeof driversResultSchema>;

const driverTermSchema = z.object({
  term: z.string(),
  /** the predictor question id ("(intercept)" for the intercept) */
  predictor: z.string(),
  level: z.string().nullable(),
  estimate: z.number(),
  se: z.number(),
  t: z.number(),
  p_value: z.number(),
  /** exp(estimate) for a logistic model, null for a linear one */
  odds_ratio: z.number().nullable(),
  ci: z.tuple([z.number(), z.number()]),
});

/**
 * `POST /api/datasets/{id}/drivers`: the fitted model, each predictor ranked by its strongest term,
 * and the R script that reproduces it (lib/insights `DriversReport` plus the dataset version).
 *
 * @example
 * driversResponseSchema.parse(body).drivers[0].predictor // "guardrail_maturity"
 */
const rankedDriverSchema = z.object({
  predictor: z.string(),
  label: z.string(),
  reference: z.string().nullable(),
  top_term: z.string(),
  top_level: z.string().nullable(),
  max_abs_t: z.number(),
  min_p: z.number(),
  odds_ratio: z.number().nullable(),
  ci: z.tuple([z.number(), z.number()]),
  /** LMG relative importance (linear models; null otherwise) */
  lmg: z.number().nullable(),
  share: z.number().nullable(),
  terms: z.array(driverTermSchema),
});

export const driversResponseSchema = z.object({
  dataset: z.object({ id: z.string(), version: z.number().int().positive() }),
  model: z.enum(["logistic", "linear"]),
  /** how the coefficients were estimated */
  method: z.enum(["svyglm", "lmg", "firth"]),
  /** the coefficients' test statistic: t on df_residual, or z (Firth) */
  statistic: z.enum(["t", "z"]),
  default_predictors: z.boolean(),
  warnings: z.array(z.object({ code: z.enum(["separation", "lmg_skipped"]), message: z.string(), terms: z.array(z.string()) })),
  /** linear models: R² and its LMG decomposition; null otherwise */
  importance: z
    .object({
      r2: z.number(),
      predictors: z.array(z.object({ predictor: z.string(), label: z.string(), columns: z.number().int(), lmg: z.number(), share: z.number().nullable(), rank: z.number().int() })),
    })
    .nullable(),
  outcome: z.string(),
  outcome_category: z.array(z.string()).nullable(),
  weight: z.string().nullable(),
  filters: z.record(z.string(), z.array(z.string())),
  predictors: z.array(z.string()),
  /** predictors proposed but left out (auto mode), with why */
  dropped: z.array(z.object({ predictor: z.string(), reason: z.string() })),
  n: z.number().int().nonnegative(),
  df_residual: z.number().int(),
  conf_level: z.number(),
  /** after_filters and excluded are null when the exclusions are 1..k−1 respondents (aggregate-only audiences) */
  rows: z.object({ total: z.number().int(), after_filters: z.number().int().nullable(), excluded: z.number().int().nullable() }),
  reference_levels: z.record(z.string(), z.string().nullable()),
  coefficients: z.array(driverTermSchema),
  drivers: z.array(rankedDriverSchema),
  r_script: z.string(),
});
export type DriversResponse = z.infer<typeof driversResponseSchema>;
