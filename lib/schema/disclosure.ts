import { z } from "zod";

/** The smallest k a workspace may configure (industry floor; research note C31). */
export const MIN_DISCLOSURE_K = 3;
/** The default minimum cell size. */
export const DEFAULT_DISCLOSURE_K = 5;

/**
 * Magnitude rules for means, sums and weighted estimates (τ-ARGUS semantics, see
 * lib/disclosure/magnitude.ts): minimum contributors, (n,k) dominance and p% on the values and on
 * the weights, and a minimum Kish effective base. A rule set to null is off.
 *
 * @example
 * magnitudeRulesSchema.parse({}) // { minN: 5, dominance: { n: 1, k: 60 }, pPercent: 10, minEffectiveBase: 5 }
 */
export const magnitudeRulesSchema = z.object({
  minN: z.number().int().min(MIN_DISCLOSURE_K).default(DEFAULT_DISCLOSURE_K),
  dominance: z
    .object({ n: z.number().int().min(1).max(5), k: z.number().gt(0).lt(100) })
    .nullable()
    .default({ n: 1, k: 60 }),
  pPercent: z.number().gt(0).lt(100).nullable().default(10),
  minEffectiveBase: z.number().min(1).nullable().default(DEFAULT_DISCLOSURE_K),
});
export type MagnitudeRulesSetting = z.output<typeof magnitudeRulesSchema>;

/**
 * Small-cell protection settings for one release of a computed result.
 *
 * - `k`: cells with fewer than k respondents are shown as "< k" (integer, ≥ 3, default 5).
 * - `sensitive`: the breakdown is marked sensitive, so zero cells look exactly like suppressed ones.
 * - `role`: the viewer's role; recorded in the summary. No role bypasses suppression.
 *
 * @example
 * disclosureRulesSchema.parse({}) // { k: 5, sensitive: false, role: "viewer" }
 * disclosureRulesSchema.parse({ k: 2 }) // throws: k must be at least 3
 */
export const disclosureRulesSchema = z.object({
  k: z
    .number()
    .int("k: must be an integer")
    .min(MIN_DISCLOSURE_K, `k: must be at least ${MIN_DISCLOSURE_K}`)
    .default(DEFAULT_DISCLOSURE_K),
  sensitive: z.boolean().default(false),
  role: z.enum(["admin", "analyst", "researcher", "viewer"]).default("viewer"),
  /** magnitude rules for means, sums and weighted estimates (absent: the defaults with minN = k) */
  magnitude: magnitudeRulesSchema.optional(),
});


export type DisclosureRulesInput = z.input<typeof disclosureRulesSchema>;
export type DisclosureRules = z.output<typeof disclosureRulesSchema>;
export type DisclosureRole = DisclosureRules["role"];

/** A released filter set: column → allowed values (the crosstab spec's `filters`). */
export const filterSetSchema = z.record(z.string(), z.array(z.string()));
export type FilterSet = z.infer<typeof filterSetSchema>;
