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
    weight: z.string().min(1).optional(),
    /** a single allowed value may be given as a string (as R's `unlist` accepts it); normalised to a list */
    filters: z
      .record(z.string(), z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v])))
      .default({}),
    conf_level: z.number().gt(0).lt(1).default(0.95),
    segment_levels: z.array(z.string()).optional(),
    missing_segment: z.enum(["drop", "include_in_total"]).default("drop"),
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
