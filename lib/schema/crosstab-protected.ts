import { z } from "zod";
import { datasetRefSchema } from "./api-common";
import { crosstabSpecSchema, weightUsedSchema } from "./crosstab-spec";
import { chisqTestSchema, meanBlockSchema, meanPairSchema, proportionBlockSchema, proportionPairSchema } from "./crosstab-result";
import { disclosureRulesSchema } from "./disclosure";

/**
 * What `POST /api/datasets/{id}/crosstab` really answers: the crosstab result after small-cell
 * protection (lib/disclosure `ProtectedCrosstab`): every hidden number null, `suppressed` flags on
 * each block, a `disclosure` summary, plus the parsed spec and the dataset version. The statistics
 * inside a block stay loose like `CrosstabResult`'s (they carry the oracle's optional extras).
 *
 * @example
 * protectedCrosstabResponseSchema.parse(await (await fetch(`/api/datasets/${id}/crosstab`, { method: "POST", body })).json())
 */

const num = z.number().nullable();

const protectedBase = {
  /** null when the cell is suppressed */
  n: z.number().int().nonnegative().nullable(),
  weighted_n: num,
  sum_w2: num,
  n_eff_kish: num,
  deff_kish: num,
  /** n and every number derived from the cell are hidden */
  suppressed: z.boolean(),
  /** what to show instead of a hidden value, e.g. "< 5"; null when nothing is hidden */
  display: z.string().nullable(),
};

export const protectedProportionBlockSchema = z.object({
  ...protectedBase,
  count: z.number().int().nonnegative().nullable(),
  weighted_count: num,
  /** the category count, its complement and all estimates are hidden; n may be shown */
  count_suppressed: z.boolean(),
  unweighted: proportionBlockSchema.shape.unweighted,
  weighted: proportionBlockSchema.shape.weighted,
});

export const protectedMeanBlockSchema = z.object({
  ...protectedBase,
  unweighted: meanBlockSchema.shape.unweighted,
  weighted: meanBlockSchema.shape.weighted,
});

/** Row accounting; counts that could give away a hidden cell are null. */
export const protectedRowsSchema = z.object({
  csv: z.number().int().nonnegative(),
  after_filters: z.number().int().nonnegative().nullable(),
  excluded_missing_outcome: z.number().int().nonnegative().nullable(),
  excluded_missing_segment: z.number().int().nonnegative().nullable(),
  excluded_invalid_weight: z.number().int().nonnegative().nullable(),
  analytic: z.number().int().nonnegative().nullable(),
  analytic_with_segment: z.number().int().nonnegative().nullable().optional(),
});

/** A chi-square test; `n` (the table total) is null when a segment or the total is hidden. */
export const protectedChisqSchema = chisqTestSchema.extend({ n: z.number().int().nullable() });

/** What was hidden and why (messages are lowercase "what: value"). */
export const disclosureSummarySchema = z.object({
  k: z.number().int(),
  sensitive: z.boolean(),
  role: disclosureRulesSchema.shape.role.unwrap(),
  /** segments whose n or count is hidden, in segment order */
  suppressedSegments: z.array(z.string()),
  totalSuppressed: z.boolean(),
  /** the release was refused by the differencing guard; every number is hidden */
  blocked: z.boolean(),
  reason: z.array(z.string()),
  /** set when nothing is protected because the audience sees exact numbers (lib/disclosure/audience.ts) */
  exact: z.enum(["respondent-access", "open-policy"]).optional(),
  /** exact releases only: cells below k, shown but flagged as low bases */
  lowCells: z.array(z.string()).optional(),
  /** counts perturbed by the cell-key method (a dataset under the `perturbed` policy; lib/disclosure/cell-key) */
  perturbed: z.boolean().optional(),
});

const common = {
  conf_level: z.number(),
  z: z.number(),
  /** null when the total is hidden */
  rows: protectedRowsSchema.nullable(),
  segment_levels: z.array(z.string()),
  notes: z.array(z.string()).optional(),
  disclosure: disclosureSummarySchema,
};

/** What the API adds to the protected result: the spec as parsed (defaults and the weight used filled in), the version, and the weight used and why. */
const answered = { spec: crosstabSpecSchema, dataset: datasetRefSchema, weighting: weightUsedSchema };

export const protectedProportionCrosstabSchema = z.object({
  ...common,
  statistic: z.literal("proportion"),
  outcome_levels: z.array(z.string()),
  total: protectedProportionBlockSchema,
  segments: z.array(protectedProportionBlockSchema.extend({ segment: z.string() })),
  /** only pairs whose two segments are fully shown */
  pairwise: z.array(proportionPairSchema),
  /** null while fewer than 2 segments are fully shown, or when sensitive and a segment is hidden */
  chisq: z.object({ full: protectedChisqSchema.nullable(), binary: protectedChisqSchema.nullable() }),
});

export const protectedMeanCrosstabSchema = z.object({
  ...common,
  statistic: z.literal("mean"),
  outcome_levels: z.null(),
  total: protectedMeanBlockSchema,
  segments: z.array(protectedMeanBlockSchema.extend({ segment: z.string() })),
  pairwise: z.array(meanPairSchema),
  chisq: z.null(),
});

/** The protected crosstab answer; narrow on `statistic`. */
export const protectedCrosstabResponseSchema = z.discriminatedUnion("statistic", [protectedProportionCrosstabSchema.extend(answered), protectedMeanCrosstabSchema.extend(answered)]);
export type ProtectedCrosstabResponse = z.infer<typeof protectedCrosstabResponseSchema>;
