import { z } from "zod";
import { datasetRefSchema, intervalSchema } from "./api-common";
import { rowCountsSchema } from "./cell-sums";
import { crosstabSpecSchema } from "./crosstab-spec";

/**
 * `POST /api/datasets/{id}/nps`: Net Promoter Score (on the −1…1 scale) of a 0–10 question by
 * segment, small cells hidden (lib/disclosure/protect-nps: numbers null, `display` "< k").
 *
 * @example
 * npsResponseSchema.parse(body).total.weighted?.nps // 0.12
 */
const num = z.number().nullable();

export const npsBlockSchema = z.object({
  /** null when the block is hidden */
  n: z.number().int().nonnegative().nullable(),
  weighted_n: num,
  sum_w2: num,
  n_eff_kish: num,
  deff_kish: num,
  promoters: num,
  passives: num,
  detractors: num,
  unweighted: z.object({ nps: z.number(), se: num, ci: z.object({ wald: intervalSchema }) }).nullable(),
  weighted: z
    .object({
      nps: num,
      promoters_share: num,
      detractors_share: num,
      se: num,
      df: z.number().int(),
      ci: z.object({ wald: intervalSchema, t: intervalSchema }),
    })
    .nullable(),
  /** every number of the block is hidden (too few respondents) */
  suppressed: z.boolean().optional(),
  display: z.string().nullable().optional(),
});

export const npsResponseSchema = z.object({
  conf_level: z.number(),
  z: z.number(),
  /** rows whose outcome is not an integer 0–10 (left out of every NPS) */
  excluded_not_0_10: z.number().int().nonnegative().nullable(),
  total: npsBlockSchema,
  segments: z.array(npsBlockSchema.extend({ segment: z.string(), suppressed: z.boolean(), display: z.string().nullable() })),
  rows: rowCountsSchema.nullable(),
  /** present when the counts are perturbed by the cell-key method (`perturbed` policy) */
  disclosure: z.object({ perturbed: z.literal(true) }).optional(),
  notes: z.array(z.string()).optional(),
  spec: z.object({ ...crosstabSpecSchema.shape, statistic: z.literal("nps") }),
  dataset: datasetRefSchema,
});
export type NpsResponse = z.infer<typeof npsResponseSchema>;
