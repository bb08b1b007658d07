/** `POST /api/datasets/{id}/drivers` body (browser-safe: zod only). */
import { z } from "zod";

const stringList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

/** Most predictors a request may name. */
export const MAX_REQUEST_PREDICTORS = 40;

/**
 * The drivers spec (`lib/schema/drivers.ts`) with question ids. `predictors` may be left out: a
 * small default set is chosen (`default-predictors.ts`). `method`:
 * - "auto" (default): linear → LMG relative importance beside the svyglm coefficients; logistic →
 *   svyglm, switching to the Firth fit with a warning when a predictor separates the outcome;
 * - "svyglm", "lmg" (linear) or "firth" (logistic): that method only.
 * `conf_level` sets the intervals.
 *
 * @example driversRequestSchema.parse({ outcome: "rolled_back", outcome_category: "Yes", weight: "weight" }).method // "auto"
 */
export const driversRequestSchema = z
  .object({
    model: z.enum(["logistic", "linear"]).default("logistic"),
    method: z.enum(["auto", "svyglm", "lmg", "firth"]).default("auto"),
    outcome: z.string().min(1),
    outcome_category: stringList.pipe(z.array(z.string()).min(1)).optional(),
    predictors: stringList.pipe(z.array(z.string().min(1)).min(1).max(MAX_REQUEST_PREDICTORS)).optional(),
    weight: z.string().min(1).optional(),
    reference_levels: z.record(z.string(), z.string()).optional(),
    filters: z.record(z.string(), stringList).default({}),
    conf_level: z.number().gt(0).lt(1).default(0.95),
  })
  .superRefine((spec, ctx) => {
    if (spec.model === "logistic" && spec.outcome_category === undefined) {
      ctx.addIssue({ code: "custom", path: ["outcome_category"], message: "outcome_category is required for a logistic model" });
    }
    if (spec.model === "linear" && spec.outcome_category !== undefined) {
      ctx.addIssue({ code: "custom", path: ["outcome_category"], message: "outcome_category is only for a logistic model" });
    }
    if (spec.method === "lmg" && spec.model !== "linear") ctx.addIssue({ code: "custom", path: ["method"], message: "method lmg needs model linear" });
    if (spec.method === "firth" && spec.model !== "logistic") ctx.addIssue({ code: "custom", path: ["method"], message: "method firth needs model logistic" });
  });
export type DriversRequestInput = z.input<typeof driversRequestSchema>;
export type DriversRequest = z.output<typeof driversRequestSchema>;
