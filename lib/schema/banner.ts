import { z } from "zod";
import { weightUsedSchema } from "./crosstab-spec";

/**
 * A banner table: every answer of one outcome question as rows, the Total plus the levels of one
 * or more segment ("banner") questions as columns. Each column group is one crosstab of the
 * outcome by that segment, so every cell carries the same statistics as the single breakdown
 * (weights, effective base, interval, significance letters within its group) and the same
 * small-cell protection. Numbers are shares in [0, 1] (or means); `null` means undefined or hidden.
 *
 * @example
 * bannerSpecSchema.parse({ outcome: "rolled_back", segments: ["guardrail_maturity", "country"] })
 */
export const bannerSpecSchema = z.object({
  outcome: z.string().min(1),
  /**
   * banner questions, left to right (at most 4 groups; at least 1). When `outcome` names a grid
   * (rows × one scale, `Question.grid.id`), its rows are the columns and segments are not used.
   */
  segments: z.array(z.string().min(1)).max(4),
  /** outcome answers to show as rows (default: every option; NETs by their `__top2`/`__bottom2` ids) */
  categories: z.array(z.string()).optional(),
  /** the weight question; without it (and without `unweighted`) the API applies the dataset's default weight */
  weight: z.string().min(1).optional(),
  /** weighting switched off: the dataset's default weight does not apply (a named `weight` still wins) */
  unweighted: z.boolean().optional(),
  filters: z.record(z.string(), z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]))).default({}),
  conf_level: z.number().gt(0).lt(1).default(0.95),
  /** multiple-comparison correction for the letters (within each column group) */
  sig: z.enum(["none", "holm", "bonferroni"]).default("holm"),
});
export type BannerSpecInput = z.input<typeof bannerSpecSchema>;
export type BannerSpec = z.output<typeof bannerSpecSchema>;

const interval = z.tuple([z.number(), z.number()]).nullable();

export const bannerColumnSchema = z.object({
  /** generated id: "total" or "g<group>c<level>" (never data) */
  id: z.string(),
  /** the segment question id, null for the Total */
  segment: z.string().nullable(),
  segmentLabel: z.string().nullable(),
  /** the segment level code, null for the Total */
  level: z.string().nullable(),
  label: z.string(),
  /** column letter within its group ("A", "B", …); "" for the Total */
  letter: z.string(),
  /** respondents in the column's base; null when hidden by small-cell protection */
  n: z.number().int().nullable(),
  weightedN: z.number().nullable(),
  effectiveN: z.number().nullable(),
  lowBase: z.boolean(),
  /** "< 5" when the whole column is hidden */
  hidden: z.string().nullable(),
});

/**
 * Why a cell carries a letter: the pairwise test against another column of its group, as
 * lib/stats/letters explains it (`LetterExplanation`).
 */
export const letterMarkSchema = z.object({
  /** the letter as shown ("B", or "b" for the weaker level) */
  letter: z.string(),
  /** the other column's segment level */
  versus: z.string(),
  strength: z.enum(["upper", "lower"]),
  test: z.enum(["weighted_z", "svyttest", "unweighted"]),
  /** z or t, oriented so that positive = this column higher */
  statistic: z.number(),
  df: z.number().nullable(),
  p: z.number(),
  adjusted_p: z.number(),
  correction: z.enum(["none", "holm", "bonferroni"]),
  /** effective n of this column and of the other one (Kish; plain n for the unweighted test) */
  n_eff: z.number().nullable(),
  n_eff_versus: z.number().nullable(),
  /** estimate of this column minus the other one */
  diff: z.number().nullable(),
});
export type LetterMark = z.infer<typeof letterMarkSchema>;

export const bannerCellSchema = z.object({
  columnId: z.string(),
  /** share (0–1) or mean; null when undefined or hidden */
  value: z.number().nullable(),
  ci: interval,
  /** respondents choosing this answer in the column (proportions); null when hidden or a mean */
  count: z.number().int().nullable(),
  /** "< 5" when small-cell protection hid this cell */
  hidden: z.string().nullable(),
  /** letters of the columns in the same group this cell is significantly higher than, e.g. "AC" */
  letters: z.string(),
  /** optional: the test behind each letter (versus = the other column's segment level), for the explanation panel */
  marks: z.array(letterMarkSchema).optional(),
});

export const bannerRowSchema = z.object({
  /** generated id ("r0", "r1", …) */
  id: z.string(),
  /** the answer code(s) this row counts */
  codes: z.array(z.string()),
  label: z.string(),
  /** "nonsubstantive": an answer out of the base ("Don't know", "Prefer not to say"), its share of everyone who answered; listed last */
  kind: z.enum(["option", "net", "mean", "nonsubstantive"]),
  cells: z.array(bannerCellSchema),
});

export const bannerGroupTestSchema = z.object({
  segment: z.string(),
  /** Rao–Scott F (weighted) or Pearson χ² (unweighted) test of independence, when defined */
  test: z.string().nullable(),
  statistic: z.number().nullable(),
  p: z.number().nullable(),
});

export const bannerResultSchema = z.object({
  outcome: z.object({ id: z.string(), label: z.string(), type: z.string() }),
  statistic: z.enum(["proportion", "mean"]),
  weighted: z.boolean(),
  /** the weight used and why (the request's, the dataset's default, or none) */
  weighting: weightUsedSchema,
  conf_level: z.number(),
  sig: z.enum(["none", "holm", "bonferroni"]),
  columns: z.array(bannerColumnSchema),
  rows: z.array(bannerRowSchema),
  tests: z.array(bannerGroupTestSchema),
  notes: z.array(z.string()),
  disclosure: z.object({ k: z.number().int(), suppressedCells: z.number().int(), exact: z.boolean().optional(), perturbed: z.literal(true).optional() }),
  dataset: z.object({ id: z.string(), version: z.number().int() }),
});

export type BannerColumn = z.infer<typeof bannerColumnSchema>;
export type BannerCell = z.infer<typeof bannerCellSchema>;
export type BannerRow = z.infer<typeof bannerRowSchema>;
export type BannerResult = z.infer<typeof bannerResultSchema>;
