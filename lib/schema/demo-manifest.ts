import { z } from "zod";

/** Keep only respondents whose `column` holds one of `values` (a filter on a demo/benchmark read). */
export const demoFilterSchema = z.object({
  column: z.string().min(1),
  values: z.array(z.string()).min(1),
});
export type DemoFilter = z.infer<typeof demoFilterSchema>;

/** The chart a demo dataset opens on: share choosing `outcome_category` of `outcome`, by `segment`. */
export const demoHeadlineSchema = z.object({
  /** chart title, e.g. "Rollback rate by guardrail maturity" */
  title: z.string().min(1),
  /** column (question) whose share is charted */
  outcome: z.string().min(1),
  /** the option counted, e.g. "Yes" */
  outcome_category: z.string().min(1),
  /** column whose levels form the bars */
  segment: z.string().min(1),
  /** weight column to apply, or null for unweighted */
  weight: z.string().min(1).nullable(),
  /** base restrictions (all must hold) */
  filters: z.array(demoFilterSchema).default([]),
  /** ids in data/benchmarks/benchmarks.json drawn as reference lines */
  benchmarkIds: z.array(z.string()).default([]),
});
export type DemoHeadline = z.infer<typeof demoHeadlineSchema>;

/** One synthetic demo dataset shipped in data/demo. */
export const demoDatasetEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  name: z.string().min(1).max(200),
  /** CSV file, relative to the manifest's folder */
  file: z.string().regex(/^[a-z0-9-]+\.csv$/),
  /** question overrides (lib/schema/question-overrides.ts), relative to the manifest's folder */
  questions: z.string().regex(/^[a-z0-9-]+\.questions\.json$/),
  description: z.string().min(1),
  /** always true: demo rows are generated, not real respondents */
  synthetic: z.literal(true),
  /** data rows in the CSV */
  respondents: z.number().int().positive(),
  /** PRNG seed the generator used (data/demo/generate.ts) */
  seed: z.string().min(1),
  headline: demoHeadlineSchema,
});
export type DemoDatasetEntry = z.infer<typeof demoDatasetEntrySchema>;

/** `data/demo/manifest.json`: the demo datasets the seed command loads; the first is the home page's. */
export const demoManifestSchema = z.object({
  datasets: z.array(demoDatasetEntrySchema).min(1),
});
export type DemoManifest = z.infer<typeof demoManifestSchema>;
