import { z } from "zod";
import { importIssueSchema, questionSchema, sourceFormatSchema, storedColumnSchema } from "./question";

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
  owner: z.string(),
  createdAt: z.string(),
});
export type Dataset = z.infer<typeof datasetSchema>;

/** The list view of a dataset (no columns or questions). */
export const datasetSummarySchema = datasetSchema
  .pick({ id: true, version: true, name: true, format: true, respondents: true, synthetic: true, description: true, owner: true, createdAt: true })
  .extend({ questionCount: z.number().int().nonnegative(), weighted: z.boolean() });
export type DatasetSummary = z.infer<typeof datasetSummarySchema>;
