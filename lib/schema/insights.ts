import { z } from "zod";
import { datasetRefSchema } from "./api-common";

const stringList = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

/**
 * `POST /api/datasets/{id}/insights` body: which outcome share to explain, among whom.
 * @example insightsRequestSchema.parse({ outcome: "rolled_back", outcome_category: "Yes", weight: "weight", filters: { agent_status: ["Live in production"] } })
 */
export const insightsRequestSchema = z.object({
  outcome: z.string().min(1),
  outcome_category: z.string().min(1),
  weight: z.string().min(1).optional(),
  filters: z.record(z.string(), stringList).default({}),
  /** target false discovery rate (Benjamini–Hochberg) */
  q: z.number().gt(0).lt(1).default(0.05),
  /** segments with a smaller Kish effective base are not compared */
  min_effective_n: z.number().nonnegative().default(30),
  /** short outcome name used in the sentences, e.g. "rollback" */
  outcome_label: z.string().min(1).max(80).optional(),
});
export type InsightsRequest = z.output<typeof insightsRequestSchema>;
export type InsightsRequestInput = z.input<typeof insightsRequestSchema>;

/** The analyze page's URL state a finding links to (lib/analysis/breakdown-state, as parsed). */
export const breakdownLinkSchema = z.object({
  outcome: z.string().optional(),
  category: z.string().optional(),
  segment: z.string().optional(),
  weight: z.string().optional(),
  conf: z.number().optional(),
  sig: z.enum(["none", "holm", "bonferroni"]).optional(),
  filters: z.record(z.string(), z.array(z.string())),
  view: z.enum(["banner"]).optional(),
  segments: z.array(z.string()).optional(),
});

export const insightFindingSchema = z.object({
  /** `${question}:${high}:${low}` */
  id: z.string(),
  question: z.string(),
  question_label: z.string(),
  high: z.string(),
  high_label: z.string(),
  low: z.string(),
  low_label: z.string(),
  p_high: z.number(),
  p_low: z.number(),
  /** p_high − p_low in percentage points (> 0) */
  diff_pts: z.number(),
  n_high: z.number(),
  n_low: z.number(),
  n_eff_high: z.number(),
  n_eff_low: z.number(),
  p_value: z.number(),
  q_value: z.number(),
  association: z.object({ p_value: z.number().nullable(), q_value: z.number().nullable() }),
  /** q_value ≤ the FDR level: a finding; otherwise a near miss */
  significant: z.boolean(),
  text: z.string(),
  breakdown: breakdownLinkSchema,
  /** the breakdown as the analyze page's query string */
  query: z.string(),
});

export const testedQuestionSchema = z.object({
  question: z.string(),
  label: z.string(),
  status: z.enum(["tested", "no_test", "error"]),
  p_value: z.number().nullable(),
  q_value: z.number().nullable(),
  pairs_tested: z.number().int(),
  pairs_skipped: z.number().int(),
  findings: z.number().int(),
  message: z.string().optional(),
});

/**
 * `POST /api/datasets/{id}/insights`: segment questions scanned for differences in an outcome
 * share, controlled for false discoveries (Benjamini–Hochberg). Mirrors lib/insights/types.
 *
 * @example
 * insightsResponseSchema.parse(body).findings[0].text // "Fully mature teams roll back less often …"
 */
export const insightsResponseSchema = z.object({
  dataset: datasetRefSchema,
  findings: z.array(insightFindingSchema),
  candidates: z.array(insightFindingSchema),
  tested: z.array(testedQuestionSchema),
  fdr: z.object({
    method: z.literal("BH"),
    q: z.number(),
    m: z.number().int(),
    rejected: z.number().int(),
    min_effective_n: z.number(),
    weighted: z.boolean(),
  }),
});
export type InsightsResponse = z.infer<typeof insightsResponseSchema>;
