import { z } from "zod";
import { importIssueSchema, questionOptionSchema, questionSchema, sourceFormatSchema, storedColumnSchema } from "./question";

/** How a version was derived from an earlier one (weights, recodes): enough to redo it. */
export const datasetLineageSchema = z.object({
  kind: z.enum(["weighting", "derived"]),
  fromVersion: z.number().int().positive(),
  /** storage names of the columns this version added */
  columns: z.array(z.string()),
  /** the recipe (e.g. the weighting scheme JSON) */
  recipe: z.unknown(),
  createdAt: z.string(),
});
export type DatasetLineage = z.infer<typeof datasetLineageSchema>;

/**
 * The weight the analysis uses unless the user switches weighting off or picks another: a weight
 * question's id, and whether the import chose it (the first weight column detected) or the
 * analyst did in review.
 */
export const defaultWeightSchema = z.object({ question: z.string().min(1), source: z.enum(["import", "review"]) });
export type DefaultWeight = z.infer<typeof defaultWeightSchema>;

/** A stored, immutable dataset version and its question model. */
export const datasetSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  version: z.number().int().positive(),
  name: z.string().min(1).max(200),
  format: sourceFormatSchema,
  encoding: z.string(),
  delimiter: z.string(),
  headerRows: z.number().int().nonnegative(),
  respondents: z.number().int().nonnegative(),
  columns: z.array(storedColumnSchema),
  questions: z.array(questionSchema),
  warnings: z.array(importIssueSchema),
  source: z.object({ fileName: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string() }),
  /** a dataset made by the demo generator: label as synthetic in the UI */
  synthetic: z.boolean().default(false),
  description: z.string().default(""),
  /** filters the analysis starts with (e.g. Qualtrics previews and unfinished responses excluded); visible and removable */
  defaultFilters: z.array(z.object({ question: z.string(), values: z.array(z.string()), reason: z.string() })).default([]),
  /**
   * the default weight; null: the analyst chose none; absent: never set (no weight column at
   * import, or imported before default weights). Without one the analysis starts unweighted.
   */
  defaultWeight: defaultWeightSchema.nullable().optional(),
  /** derivation steps, oldest first (empty for an imported version) */
  lineage: z.array(datasetLineageSchema).default([]),
  owner: z.string(),
  createdAt: z.string(),
});
export type Dataset = z.infer<typeof datasetSchema>;

/**
 * A question as the API and the dataset page show it: for an aggregate-only audience every count
 * is null (see `protectQuestionModel`).
 */
const protectedOptionSchema = questionOptionSchema.extend({ count: z.number().int().nonnegative().nullable() });
export const protectedQuestionSchema = questionSchema.extend({
  options: z.array(protectedOptionSchema),
  nonSubstantive: z.array(protectedOptionSchema).optional(),
  answered: z.number().int().nonnegative().nullable(),
});
export type ProtectedQuestion = z.infer<typeof protectedQuestionSchema>;

/** `GET /api/datasets/{id}`: the dataset with its question model, counts protected for the audience. */
export const protectedDatasetSchema = datasetSchema.extend({ questions: z.array(protectedQuestionSchema) });
export type ProtectedDataset = z.infer<typeof protectedDatasetSchema>;

/** The list view of a dataset (no columns or questions). */
export const datasetSummarySchema = datasetSchema
  .pick({ id: true, version: true, name: true, format: true, respondents: true, synthetic: true, description: true, owner: true, createdAt: true })
  .extend({ questionCount: z.number().int().nonnegative(), weighted: z.boolean() });
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;

/** `GET /api/datasets`: the latest version of each dataset the caller may see. */
export const datasetListResponseSchema = z.object({ datasets: z.array(datasetSummarySchema) });
