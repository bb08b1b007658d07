import { z } from "zod";

/**
 * Per-cell sufficient statistics: everything `lib/stats` needs, computed by the store with one
 * GROUP BY (or by `lib/engine` in memory for tests). A "cell" is one (segment, outcome) pair.
 *
 * - proportion: `outcome` is the raw outcome value of the rows in the cell; y is 1 when it is one
 *   of the spec's categories, so the y-sums are redundant but still filled (y ∈ {0,1}).
 * - mean: `outcome` is null and y is the numeric outcome.
 * - `segment` is null only for rows with a missing segment when `missing_segment` is
 *   "include_in_total" (they count in the total, not in any segment).
 */
export const cellSumsSchema = z.object({
  segment: z.string().nullable(),
  outcome: z.string().nullable(),
  n: z.number().int().nonnegative(),
  /** Σw */
  sw: z.number(),
  /** Σw² */
  sw2: z.number(),
  /** Σy (unweighted) */
  sy: z.number(),
  /** Σy² (unweighted) */
  sy2: z.number(),
  /** Σwy */
  swy: z.number(),
  /** Σwy² */
  swy2: z.number(),
  /** Σw²y */
  sw2y: z.number(),
  /** Σw²y² */
  sw2y2: z.number(),
  /** cell-key method only: Σ record keys of the cell's respondents (lib/disclosure/cell-key) */
  ck: z.number().optional(),
  /** cell-key method only: Σ record key · y (for a proportion, the key sum of the cell's y = 1 respondents) */
  cky: z.number().optional(),
});
export type CellSums = z.infer<typeof cellSumsSchema>;

/** Row accounting, in the order rows are excluded (golden README "Data rules"). */
export const rowCountsSchema = z.object({
  csv: z.number().int().nonnegative(),
  after_filters: z.number().int().nonnegative(),
  excluded_missing_outcome: z.number().int().nonnegative(),
  excluded_missing_segment: z.number().int().nonnegative(),
  excluded_invalid_weight: z.number().int().nonnegative(),
  analytic: z.number().int().nonnegative(),
});
export type RowCounts = z.infer<typeof rowCountsSchema>;

/**
 * What the store hands to `lib/stats`: the normalised spec's facts plus the cell sums.
 * `segmentLevels` is the final ordered list of segment columns (explicit or byte-sorted
 * distinct non-empty values of the whole dataset before filters).
 */
export const crosstabInputSchema = z.object({
  statistic: z.enum(["proportion", "mean"]),
  /** proportion only: the outcome values that count as y = 1 */
  outcomeCategories: z.array(z.string()),
  confLevel: z.number(),
  missingSegment: z.enum(["drop", "include_in_total"]),
  segmentLevels: z.array(z.string()),
  rows: rowCountsSchema,
  cells: z.array(cellSumsSchema),
  /**
   * cell-key method only: Σ record keys of the rows of each exclusion status (index = status code:
   * filtered, missing outcome, missing segment, invalid weight, analytic), so that every row count
   * can be perturbed by the key of the respondents it counts
   */
  statusKeys: z.array(z.number()).optional(),
});
export type CrosstabInput = z.infer<typeof crosstabInputSchema>;
