import { z } from "zod";
import { questionOverrideSchema } from "./question-overrides";

/** At most this many answer labels in one "mark missing" rule, and answers in one scale. */
export const MAX_RULE_LABELS = 200;
const ruleLabel = z.string().trim().min(1, "an answer label cannot be empty").max(500);

/**
 * A bulk rule of the schema review, applied to every question it matches (single-choice and
 * scale questions; labels compared ignoring case, spacing and curly quotes):
 * - `missing-labels`: answers with one of these labels become non-substantive (missing codes,
 *   listed apart) in every question that has them;
 * - `scale-order`: every question whose answers are exactly these labels (in any order) gets
 *   them in this order; `ordinal` also makes those questions ordered scales.
 */
export const bulkRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("missing-labels"), labels: z.array(ruleLabel).min(1, "name at least one answer label").max(MAX_RULE_LABELS) }),
  z.object({
    kind: z.literal("scale-order"),
    labels: z
      .array(ruleLabel)
      .min(2, "a scale has at least two answers")
      .max(MAX_RULE_LABELS)
      .refine((ls) => new Set(ls.map((l) => l.toLowerCase())).size === ls.length, "each answer label once"),
    ordinal: z.boolean().optional(),
  }),
]);
export type BulkRule = z.infer<typeof bulkRuleSchema>;

/**
 * `PUT /api/datasets/{id}/questions`: schema-review edits saved as one new version. The
 * per-question edits apply first, then the bulk `rules` in order, each over the questions as
 * edited so far; `defaultWeight` sets the weight the analysis uses unless told otherwise (a weight
 * question's id; null: no default).
 */
export const schemaEditsSchema = z.object({
  questions: z.array(questionOverrideSchema).max(5000).default([]),
  rules: z.array(bulkRuleSchema).max(50).optional(),
  defaultWeight: z.string().min(1).max(200).nullable().optional(),
});
export type SchemaEdits = z.infer<typeof schemaEditsSchema>;
