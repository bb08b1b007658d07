import { z } from "zod";
import { rowCountsSchema } from "./cell-sums";

/**
 * The crosstab result computed by `lib/stats` (`computeCrosstab`): same field names and nesting as
 * the golden `*.expected.json` files written by `test/fixtures/golden/oracle.R`. Required fields
 * are strict; optional extras mirror more of the oracle's fields; unknown extra fields are
 * allowed (loose objects). `null` = undefined in R (shown as "n/a"), never NaN or Infinity.
 */

const num = z.number().nullable();
const ci = z.tuple([z.number(), z.number()]).nullable();

const baseBlock = {
  n: z.number().int().nonnegative(),
  weighted_n: z.number(),
  sum_w2: z.number(),
  n_eff_kish: num,
  deff_kish: num,
};

export const proportionUnweightedSchema = z.looseObject({
  p: num,
  se: num,
  se_unbiased: num.optional(),
  ci: z.looseObject({
    wald: ci,
    wilson: ci,
    clopper_pearson: ci,
    wilson_cc: ci.optional(),
    agresti_coull: ci.optional(),
  }),
});

export const proportionWeightedSchema = z.looseObject({
  p: num,
  se: num,
  df: z.number().int(),
  se_standalone: num.optional(),
  se_kish: num.optional(),
  n_eff_design: num.optional(),
  degenerate_p: z.boolean().optional(),
  ci: z.looseObject({
    wald: ci,
    wilson_kish: ci,
    svyciprop_logit: ci,
    svyciprop_beta: ci,
    wald_kish: ci.optional(),
    wilson_design: ci.optional(),
    svyciprop_logit_z: ci.optional(),
    svyciprop_mean: ci.optional(),
    svyciprop_xlogit: ci.optional(),
    svyciprop_asin: ci.optional(),
  }),
});

export const proportionBlockSchema = z.looseObject({
  ...baseBlock,
  count: z.number().int().nonnegative(),
  weighted_count: z.number(),
  unweighted: proportionUnweightedSchema.nullable(),
  weighted: proportionWeightedSchema.nullable(),
});

export const meanBlockSchema = z.looseObject({
  ...baseBlock,
  unweighted: z
    .looseObject({ mean: num, sd: num, se: num, ci: z.looseObject({ t: ci, wald: ci.optional() }) })
    .nullable(),
  weighted: z
    .looseObject({
      mean: num,
      se: num,
      se_standalone: num.optional(),
      df: z.number().int().optional(),
      ci: z.looseObject({ t: ci, wald: ci.optional() }),
    })
    .nullable(),
});

const testT = z.looseObject({ t: num, df: num, p_value: num });

const weightedPairSchema = z.looseObject({
  diff: num,
  se: num,
  z: num,
  p_value_z: num,
  svyttest: z.looseObject({ diff: num.optional(), t: num, df: num, p_value: num }).nullable(),
  kish_pooled: z.looseObject({ pooled_p: num, se: num, z: num, p_value: num }).optional(),
  kish_unpooled: z.looseObject({ se: num, z: num, p_value: num }).optional(),
});

const pairBase = { a: z.string(), b: z.string(), n_a: z.number().int(), n_b: z.number().int(), note: z.string().optional() };

export const proportionPairSchema = z.looseObject({
  ...pairBase,
  unweighted: z
    .looseObject({
      diff: num,
      z_pooled: num,
      p_value_pooled: num,
      pooled_p: num.optional(),
      se_pooled: num.optional(),
      se_unpooled: num.optional(),
      z_unpooled: num.optional(),
      p_value_unpooled: num.optional(),
      prop_test_p_value: num.optional(),
    })
    .nullable(),
  weighted: weightedPairSchema.nullable(),
});

export const meanPairSchema = z.looseObject({
  ...pairBase,
  unweighted: z
    .looseObject({
      diff: num,
      welch: testT.nullable(),
      student: testT.nullable().optional(),
      se_unpooled: num.optional(),
      z_unpooled: num.optional(),
      p_value_z: num.optional(),
    })
    .nullable(),
  weighted: weightedPairSchema.nullable(),
});

export const chisqTestSchema = z.looseObject({
  rows_used: z.array(z.string()),
  cols_used: z.array(z.string()),
  n: z.number().int(),
  note: z.string().optional(),
  weighted_note: z.string().optional(),
  unweighted: z
    .looseObject({ x2: num, df: z.number().int(), p_value: num, min_expected: num.optional(), cells_expected_lt5: z.number().int().optional() })
    .nullable(),
  weighted: z
    .looseObject({
      rao_scott_f: z.looseObject({ F: num, ndf: num, ddf: num, p_value: num }),
      weighted_table_total: num.optional(),
      pearson_x2_scaled_to_n: num.optional(),
      delta_trace: num.optional(),
      delta_mean: num.optional(),
      nu: num.optional(),
    })
    .nullable(),
});

const common = {
  conf_level: z.number(),
  z: z.number(),
  rows: rowCountsSchema.extend({ analytic_with_segment: z.number().int().nonnegative().optional() }),
  segment_levels: z.array(z.string()),
  notes: z.array(z.string()).optional(),
};

export const proportionCrosstabResultSchema = z.looseObject({
  ...common,
  statistic: z.literal("proportion"),
  outcome_levels: z.array(z.string()),
  total: proportionBlockSchema,
  segments: z.array(proportionBlockSchema.extend({ segment: z.string() })),
  pairwise: z.array(proportionPairSchema),
  chisq: z.looseObject({ full: chisqTestSchema.nullable(), binary: chisqTestSchema.nullable() }),
});

export const meanCrosstabResultSchema = z.looseObject({
  ...common,
  statistic: z.literal("mean"),
  outcome_levels: z.null(),
  total: meanBlockSchema,
  segments: z.array(meanBlockSchema.extend({ segment: z.string() })),
  pairwise: z.array(meanPairSchema),
  chisq: z.null(),
});

/** A crosstab result; narrow on `statistic`. */
export const crosstabResultSchema = z.discriminatedUnion("statistic", [proportionCrosstabResultSchema, meanCrosstabResultSchema]);

export type CrosstabResult = z.infer<typeof crosstabResultSchema>;
export type ProportionCrosstabResult = z.infer<typeof proportionCrosstabResultSchema>;
export type MeanCrosstabResult = z.infer<typeof meanCrosstabResultSchema>;
export type ProportionBlock = z.infer<typeof proportionBlockSchema>;
export type MeanBlock = z.infer<typeof meanBlockSchema>;
export type ProportionPair = z.infer<typeof proportionPairSchema>;
export type MeanPair = z.infer<typeof meanPairSchema>;
export type ChisqTest = z.infer<typeof chisqTestSchema>;
export type ConfidenceInterval = [number, number] | null;
