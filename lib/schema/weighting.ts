import { z } from "zod";

/**
 * Weighting scheme and weighting report (`lib/weighting`, `cli weight`).
 *
 * A scheme is `rake` (rim weighting on marginal targets), `cell` (post-stratification on
 * interlocked cells) or `group` (one rake/cell scheme per value of a grouping column).
 * Targets are shares (default, each variable sums to 1), percentages (`"units": "percent"`,
 * sums to 100) or counts (`"units": "count"`, every variable has the same total; the weights
 * then sum to that total instead of the number of rows weighted).
 */

const finiteNonNeg = z.number().finite().nonnegative();

/** `{"<column>": {"<category>": share, ...}, ...}` */
export const targetsSchema = z.record(z.string().min(1), z.record(z.string(), finiteNonNeg));
export type Targets = z.infer<typeof targetsSchema>;

/**
 * Weight bounds relative to the mean weight: `{min, max}` (either may be left out) or
 * `{ratio: r}` as shorthand for `{min: 1/r, max: r}`.
 *
 * @example boundsSchema.parse({ min: 0.5, max: 2 })
 */
export const boundsSchema = z
  .strictObject({
    min: z.number().finite().nonnegative().optional(),
    max: z.number().positive().optional(),
    ratio: z.number().finite().gt(1).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.ratio !== undefined && (b.min !== undefined || b.max !== undefined)) {
      ctx.addIssue({ code: "custom", message: "give either ratio or min/max, not both" });
    }
    if (b.ratio === undefined && b.min === undefined && b.max === undefined) {
      ctx.addIssue({ code: "custom", message: "give min, max or ratio" });
    }
    if (b.min !== undefined && b.min > 1) ctx.addIssue({ code: "custom", path: ["min"], message: "min must be at most 1 (the mean weight)" });
    if (b.max !== undefined && b.max < 1) ctx.addIssue({ code: "custom", path: ["max"], message: "max must be at least 1 (the mean weight)" });
  });
export type Bounds = z.infer<typeof boundsSchema>;

const unitsSchema = z.enum(["share", "percent", "count"]);
export type TargetUnits = z.infer<typeof unitsSchema>;

/** Options every rake/cell scheme accepts. */
const commonFields = {
  base_weight: z.string().min(1).optional(),
  units: unitsSchema.default("share"),
  /** convergence tolerance: max |achieved share - target share| over all margins */
  tolerance: z.number().positive().max(0.01).default(1e-10),
  max_iterations: z.number().int().positive().max(100_000).default(1000),
  /** a weight is "extreme" in the report when above ratio × mean or below mean / ratio */
  extreme_ratio: z.number().gt(1).default(3),
};

/** @example rakeSchemeSchema.parse({ method: "rake", targets: { size: { small: 0.6, large: 0.4 } } }) */
export const rakeSchemeSchema = z.strictObject({
  method: z.literal("rake"),
  targets: targetsSchema.refine((t) => Object.keys(t).length > 0, "give at least one variable"),
  bounds: boundsSchema.optional(),
  ...commonFields,
});

const cellSchema = z.strictObject({
  match: z.record(z.string().min(1), z.string()).refine((m) => Object.keys(m).length > 0, "match at least one column"),
  share: finiteNonNeg,
});

/** @example cellSchemeSchema.parse({ method: "cell", cells: [{ match: { size: "small" }, share: 1 }] }) */
export const cellSchemeSchema = z.strictObject({
  method: z.literal("cell"),
  cells: z.array(cellSchema).min(1),
  /** a cell with a positive share but no rows: `error` (R's postStratify default) or `partial` (R's partial=TRUE: the cell is dropped, weights sum to less) */
  empty_cells: z.enum(["error", "partial"]).default("error"),
  ...commonFields,
});

const subSchemeSchema = z.discriminatedUnion("method", [
  rakeSchemeSchema.omit({ base_weight: true, units: true, extreme_ratio: true }),
  cellSchemeSchema.omit({ base_weight: true, units: true, extreme_ratio: true }),
]);

/**
 * One scheme per value of `by`; each group's weights are then scaled to its share (or, when no
 * group has a share, to its own row count). Bounds inside a group are relative to the group's mean.
 *
 * @example groupSchemeSchema.parse({ method: "group", by: "country", groups: [{ value: "US", scheme: { method: "rake", targets: { size: { a: 1 } } } }] })
 */
export const groupSchemeSchema = z.strictObject({
  method: z.literal("group"),
  by: z.string().min(1),
  groups: z
    .array(z.strictObject({ value: z.string(), share: finiteNonNeg.optional(), scheme: subSchemeSchema }))
    .min(1),
  base_weight: commonFields.base_weight,
  units: commonFields.units,
  extreme_ratio: commonFields.extreme_ratio,
});

/**
 * The scheme JSON of `cli weight --scheme`.
 *
 * @example weightingSchemeSchema.parse({ method: "rake", targets: { size: { small: 0.6, large: 0.4 } }, bounds: { min: 0.5, max: 2 } })
 */
export const weightingSchemeSchema = z.discriminatedUnion("method", [rakeSchemeSchema, cellSchemeSchema, groupSchemeSchema]);

export type WeightingSchemeInput = z.input<typeof weightingSchemeSchema>;
export type WeightingScheme = z.output<typeof weightingSchemeSchema>;
export type RakeScheme = z.output<typeof rakeSchemeSchema>;
export type CellScheme = z.output<typeof cellSchemeSchema>;
export type GroupScheme = z.output<typeof groupSchemeSchema>;
export type SubScheme = z.output<typeof subSchemeSchema>;

/** One target against what the weights achieve (shares; within the group for a group scheme). */
export const marginReportSchema = z.object({
  group: z.string().optional(),
  match: z.record(z.string(), z.string()),
  target: z.number(),
  achieved: z.number(),
  /** unweighted rows in the category */
  n: z.number().int(),
});
export type MarginReport = z.infer<typeof marginReportSchema>;

export const convergenceSchema = z.object({
  converged: z.boolean(),
  iterations: z.number().int(),
  tolerance: z.number(),
  max_margin_error: z.number(),
  /** max margin error after each iteration */
  trace: z.array(z.number()),
});
export type Convergence = z.infer<typeof convergenceSchema>;

export const boundsReportSchema = z.object({
  min: z.number(),
  /** null: no upper bound */
  max: z.number().nullable(),
  /** the bounds as weights (relative bound × mean weight) */
  lower: z.number(),
  upper: z.number().nullable(),
  at_min: z.number().int(),
  at_max: z.number().int(),
});
export type BoundsReport = z.infer<typeof boundsReportSchema>;

/** One group of a per-group weighting: its target, what it achieved, its bounds and convergence. */
const weightingGroupSchema = z.object({
  value: z.string(),
  target: z.number(),
  achieved: z.number(),
  n: z.number().int(),
  bounds: boundsReportSchema.nullable(),
  convergence: convergenceSchema,
});

/**
 * The weighting report printed next to the weights.
 *
 * @example weightingReportSchema.parse(computeWeights(table, scheme).report)
 */
export const weightingReportSchema = z.object({
  method: z.enum(["rake", "cell", "group"]),
  rows: z.object({ total: z.number().int(), weighted: z.number().int(), excluded_missing: z.number().int() }),
  weights: z.object({
    min: z.number(),
    max: z.number(),
    mean: z.number(),
    sum: z.number(),
    /** Kish: (Σw)² / (n Σw²) */
    efficiency: z.number(),
    /** Kish: (Σw)² / Σw² */
    effective_n: z.number(),
    design_effect: z.number(),
  }),
  margins: z.array(marginReportSchema),
  extreme: z.object({
    ratio: z.number(),
    below: z.number(),
    above: z.number(),
    count: z.number().int(),
    /** at most 100, the most extreme first; row = 1-based data row */
    rows: z.array(z.object({ row: z.number().int(), weight: z.number(), relative: z.number() })),
  }),
  bounds: boundsReportSchema.nullable(),
  convergence: convergenceSchema,
  groups: z.array(weightingGroupSchema).optional(),
});
export type WeightingReport = z.infer<typeof weightingReportSchema>;

/**
 * `POST /api/datasets/{id}/weights`: the weighting report, and the new version holding the weight
 * (null for a preview).
 *
 * @example weightsResponseSchema.parse(body).dataset?.weight // "weight_rake"
 */
export const weightsResponseSchema = z.object({
  /** the report (respondent access only: aggregate-only audiences are refused, see lib/services/gateway.ts) */
  report: weightingReportSchema,
  dataset: z.object({ id: z.string(), version: z.number().int().positive(), weight: z.string().optional() }).nullable(),
});
export type WeightsResponse = z.infer<typeof weightsResponseSchema>;
