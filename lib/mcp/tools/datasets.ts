import { z } from "zod";
import { getIdentity } from "@/lib/auth/server";
import { visibleDatasetIdsWith } from "@/lib/auth/identity";
import { datasetSummarySchema, protectedQuestionSchema } from "@/lib/schema/dataset";
import { getEnv } from "@/lib/schema/env";
import { datasetShownTo } from "@/lib/services/audience";
import { describeInput, noArgs } from "../inputs";
import { protectionCaveat } from "../notes";
import { defineTool } from "../tool";
import { dataBlock, quoteUntrusted } from "../untrusted";

const listOutput = z.object({ datasets: z.array(datasetSummarySchema) });

/** The datasets in the agent's scope that its workspace can still see (the API's list, narrowed). */
export const listDatasetsTool = defineTool({
  name: "list_datasets",
  title: "List datasets",
  description: "The survey datasets this agent may analyse: id, name, version, respondents, number of questions, whether a weight exists, and whether the data are synthetic.",
  input: noArgs,
  output: listOutput,
  analysis: false,
  async run(ctx) {
    const visible = await visibleDatasetIdsWith((await getIdentity()).sql, ctx.viewer);
    const scope = new Set(ctx.agent.datasets);
    return { datasets: (await ctx.store.listDatasets()).filter((d) => visible.has(d.id) && scope.has(d.id)) };
  },
  render(out) {
    if (out.datasets.length === 0) return "No datasets are in this agent's scope.";
    return `${out.datasets.length} dataset(s) in scope.\n${dataBlock(out.datasets.map((d) => `${d.id} (version ${d.version}, ${d.respondents} respondent${d.respondents === 1 ? "" : "s"}, ${d.questionCount} question${d.questionCount === 1 ? "" : "s"}${d.weighted ? ", weighted" : ""}${d.synthetic ? ", synthetic" : ""}): name ${quoteUntrusted(d.name)}`))}`;
  },
});

const describedQuestion = protectedQuestionSchema.pick({ id: true, label: true, type: true, missingCodes: true, answered: true }).extend({
  options: z.array(z.object({ code: z.string(), label: z.string(), count: z.number().int().nonnegative().nullable() })),
});

const describeOutput = z.object({
  dataset: z.object({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    synthetic: z.boolean(),
    description: z.string(),
    respondents: z.number().int(),
    defaultFilters: z.array(z.object({ question: z.string(), values: z.array(z.string()), reason: z.string() })),
    questions: z.array(describedQuestion),
  }),
  caveats: z.array(z.string()),
});

/**
 * A dataset's question model as an aggregate-only audience sees it (`datasetShownTo`): option
 * counts and answered bases null where one is under k. Free-text and identifier questions are
 * listed without any values (never verbatims, never ids); storage columns and file details are left out.
 */
export const describeDatasetTool = defineTool({
  name: "describe_dataset",
  title: "Describe a dataset",
  description:
    "Questions of one dataset (id, label, type), their answer options with protected counts, answered bases and missing codes. Use the ids in crosstab, banner, key_drivers and compare_to_benchmark. Free-text and identifier questions are listed without values.",
  input: describeInput,
  output: describeOutput,
  datasetArg: "dataset",
  analysis: false,
  async run(ctx) {
    const shown = await datasetShownTo(ctx.viewer, ctx.dataset!);
    return {
      dataset: {
        id: shown.id,
        name: shown.name,
        version: shown.version,
        synthetic: shown.synthetic,
        description: shown.description,
        respondents: shown.respondents,
        defaultFilters: shown.defaultFilters,
        questions: shown.questions.map((q) => ({
          id: q.id,
          label: q.label,
          type: q.type,
          missingCodes: q.type === "text" || q.type === "id" ? [] : q.missingCodes,
          answered: q.answered,
          options: q.type === "text" || q.type === "id" ? [] : q.options.map((o) => ({ code: o.code, label: o.label, count: o.count })),
        })),
      },
      caveats: [
        protectionCaveat(getEnv().DISCLOSURE_K),
        "Option counts are unweighted marginal counts of the whole dataset; a question with any small count shows none of its counts.",
        "Free-text and identifier questions are listed without values: open-text verbatims and respondent ids are never released to agents.",
        ...(shown.synthetic ? ["Synthetic demo data: the respondents were generated to resemble published figures."] : []),
      ],
    };
  },
  render(out) {
    const d = out.dataset;
    const lines = [`dataset name: ${quoteUntrusted(d.name)}`];
    for (const q of d.questions) {
      const opts = q.options.map((o) => `${quoteUntrusted(o.label)}=${o.count ?? "hidden"}`).join(", ");
      lines.push(`${q.id} [${q.type}${q.answered === null ? "" : `, answered ${q.answered}`}]: ${quoteUntrusted(q.label)}${opts ? ` options: ${opts}` : ""}`);
    }
    return `${d.id} version ${d.version}: ${d.respondents} respondent${d.respondents === 1 ? "" : "s"}, ${d.questions.length} questions.\n${dataBlock(lines)}\nCaveats: ${out.caveats.join(" ")}`;
  },
});
