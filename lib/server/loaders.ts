import "server-only";
import { notFound } from "next/navigation";
import { toQuestionLite } from "@/lib/analysis/question-roles";
import { getEnv } from "@/lib/schema/env";
import { getStore } from "@/lib/store";

/** Datasets page: every dataset summary, newest first. */
export async function loadDatasetList() {
  return (await getStore()).listDatasets();
}

/** Dataset overview: the dataset or a 404. */
export async function loadDataset(id: string) {
  const dataset = await (await getStore()).getDataset(id);
  if (!dataset) notFound();
  return dataset;
}

/** Analyze page: the question list the breakdown builder needs. */
export async function loadAnalysis(id: string) {
  const dataset = await loadDataset(id);
  return {
    dataset: { id: dataset.id, name: dataset.name, respondents: dataset.respondents, synthetic: dataset.synthetic },
    questions: dataset.questions.map(toQuestionLite),
    defaultFilters: dataset.defaultFilters,
    minBase: getEnv().MIN_EFFECTIVE_BASE,
  };
}
