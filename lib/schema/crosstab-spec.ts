import { z } from "zod";

/**
 * The crosstab request: one outcome broken down by one segment question.
 * Field names follow the golden-case contract (`test/fixtures/golden/README.md`),
 * so the same JSON drives the CLI, the API and the R oracle.
 *
 * @example
 * crosstabSpecSchema.parse({ outcome: "rollback", outcome_category: "Yes", segment: "guardrails", weight: "weight" })
 */
export const crosstabSpecSchema = z
  .object({
    outcome: z.string().min(1),
    statistic: z.enum(["proportion", "mean"]).default("proportion"),
    outcome_category: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
    segment: z.string().min(1),
    /** the weight question; without it (and without `unweighted`) the API applies the dataset's default weight */
    weight: z.string().min(1).optional(),
    /** weighting switched off: the dataset's default weight does not apply (a named `weight` still wins) */
    unweighted: z.boolean().optional(),
    /** a single allowed value may be given as a string (as R's `unlist` accepts it); normalised to a list */
    filters: z
      .record(z.string(), z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])))
      .default({}),
    conf_level: z.number().gt(0).lt(1).default(0.95),
    segment_levels: z.array(z.string()).optional(),
    missing_segment: z.enum(["drop", "include_in_total"]).default("drop"),
    /**
     * "include_nonsubstantive": the outcome's non-substantive answers ("Don't know", "Prefer not to
     * say": `Question.nonSubstantive`) stay in the base, so the share of one of them is of everyone
     * who answered; by default they are out of the base like any declared missing code
     */
    missing_outcome: z.enum(["exclude", "include_nonsubstantive"]).optional(),
  })
  .superRefine((spec, ctx) => {
    if (spec.statistic === "proportion" && spec.outcome_category === undefined) {
      ctx.addIssue({ code: "custom", path: ["outcome_category"], message: "outcome_category is required for a proportion" });
    }
  });

export type CrosstabSpecInput = z.input<typeof crosstabSpecSchema>;
export type CrosstabSpec = z.output<typeof crosstabSpecSchema>;

/** The outcome categories of a proportion spec as a list (empty for a mean). */
export function getOutcomeCategories(spec: CrosstabSpec): string[] {
  if (spec.outcome_category === undefined) return [];
  return Array.isArray(spec.outcome_category) ? spec.outcome_category : [spec.outcome_category];
}

/**
 * The weight an analysis used and where it came from: `request` (named in the request), `default`
 * (the dataset's default weight, applied because the request named none), `unweighted` (the
 * request switched weighting off) or `none` (no weight named and the dataset has no default).
 */
export const weightUsedSchema = z.object({
  weight: z.string().nullable(),
  source: z.enum(["request", "default", "unweighted", "none"]),
});
export type WeightUsed = z.infer<typeof weightUsedSchema>;
