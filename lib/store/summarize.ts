import type { Dataset, DatasetSummary } from "@/lib/schema/dataset";

/** The list-view summary of a dataset. */
export function summarize(d: Dataset): DatasetSummary {
  return {
    id: d.id,
    version: d.version,
    name: d.name,
    format: d.format,
    respondents: d.respondents,
    synthetic: d.synthetic,
    description: d.description,
    owner: d.owner,
    createdAt: d.createdAt,
    questionCount: d.questions.length,
    weighted: d.questions.some((q) => q.type === "weight"),
  };
}
