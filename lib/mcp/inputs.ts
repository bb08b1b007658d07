import { z } from "zod";

/**
 * Argument schemas of the MCP tools: plain JSON shapes (no transforms) that describe themselves
 * to the agent; the services parse them again with the API's own spec schemas. Unknown keys are
 * refused (`strict`), so a misspelt argument is an error, not silently ignored.
 */
export const datasetArg = z.string().min(1).max(200).describe("dataset id, as list_datasets gives it");
const questionArg = (what: string) => z.string().min(1).max(200).describe(`${what}: a question id (or its exact label) from describe_dataset`);
export const filtersArg = z
  .record(z.string().max(200), z.array(z.string().max(500)).min(1).max(200))
  .optional()
  .describe("question id → allowed answer codes, e.g. {\"agent_status\": [\"Live in production\"]}");
const confArg = z.number().gt(0).lt(1).optional().describe("confidence level, default 0.95");
const weightArg = z.string().min(1).max(200).optional().describe("weight question id (see describe_dataset: type weight); omit for unweighted");
/** crosstab and banner: the API applies the dataset's default weight unless told otherwise */
const defaultedWeightArg = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .describe("weight question id (see describe_dataset: type weight); omit to use the dataset's default weight, if it has one (the answer's weighting says which weight was used)");
const unweightedArg = z.boolean().optional().describe("true: switch the dataset's default weight off (a named weight still wins)");
const categoryArg = z.union([z.string().max(500), z.array(z.string().max(500)).min(1).max(50)]);

export const noArgs = z.object({}).strict();

export const describeInput = z.object({ dataset: datasetArg }).strict();

export const crosstabInput = z
  .object({
    dataset: datasetArg,
    outcome: questionArg("outcome"),
    statistic: z.enum(["proportion", "mean"]).optional().describe("proportion (default) of outcome_category, or the mean of a numeric outcome"),
    outcome_category: categoryArg.optional().describe("the answer code(s) counted, e.g. \"Yes\" (required for a proportion)"),
    segment: questionArg("segment"),
    weight: defaultedWeightArg,
    unweighted: unweightedArg,
    filters: filtersArg,
    conf_level: confArg,
  })
  .strict();

export const bannerInput = z
  .object({
    dataset: datasetArg,
    outcome: questionArg("outcome"),
    segments: z.array(z.string().min(1).max(200)).min(1).max(4).describe("banner question ids, left to right (1 to 4)"),
    categories: z.array(z.string().max(500)).max(100).optional().describe("outcome answers to show as rows (default: all)"),
    weight: defaultedWeightArg,
    unweighted: unweightedArg,
    filters: filtersArg,
    conf_level: confArg,
    sig: z.enum(["none", "holm", "bonferroni"]).optional(),
  })
  .strict();

export const driversInput = z
  .object({
    dataset: datasetArg,
    outcome: questionArg("outcome"),
    model: z.enum(["logistic", "linear"]).optional().describe("logistic (default; needs outcome_category) or linear"),
    outcome_category: categoryArg.optional(),
    predictors: z.array(z.string().min(1).max(200)).min(1).max(20).optional().describe("predictor question ids (default: a screened set)"),
    weight: weightArg,
    filters: filtersArg,
    conf_level: confArg,
  })
  .strict();

export const compareInput = z
  .object({
    dataset: datasetArg,
    benchmarkId: z.string().min(1).max(200).describe("a figure id from list_benchmarks (unit share)"),
    outcome: questionArg("outcome"),
    outcome_category: categoryArg,
    segment: questionArg("segment"),
    column: z.string().min(1).max(500).optional().describe("\"Total\" (default) or a level of the segment"),
    weight: weightArg,
    filters: filtersArg,
    conf_level: confArg,
    acknowledgeMismatch: z
      .boolean()
      .optional()
      .describe("compare although the question's wording hardly matches the figure's definition (refused otherwise; the warning stays on the answer)"),
  })
  .strict();

export const dashboardInput = z
  .object({ dashboard: z.string().min(1).max(100).optional().describe("dashboard id; omit to list the workspace's dashboards") })
  .strict();
