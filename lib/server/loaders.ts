import "server-only";
import { notFound } from "next/navigation";
import { toQuestionLite } from "@/lib/analysis/question-roles";
import type { Action } from "@/lib/auth/permissions";
import { visibleDatasetIds } from "@/lib/auth/viewer";
import { can } from "@/lib/auth/permissions";
import { exportableQuestions } from "@/lib/governance/respondent-export";
import { getEnv } from "@/lib/schema/env";
import { getStore } from "@/lib/store";
import { requirePageViewer, requireVisibleDataset } from "./authorize";
import { audit } from "./audit";

/** Datasets page: the summaries of every dataset the viewer may see, newest first. */
export async function loadDatasetList(path = "/datasets") {
  const viewer = await requirePageViewer("dataset:read", path);
  const visible = await visibleDatasetIds(viewer);
  return (await (await getStore()).listDatasets()).filter((d) => visible.has(d.id));
}

/** Dataset pages: the dataset, or a 404 when absent or not the viewer's (indistinguishable). */
export async function loadDataset(id: string, action: Action = "dataset:read", path = `/datasets/${id}`) {
  return (await loadDatasetFor(id, action, path)).dataset;
}

async function loadDatasetFor(id: string, action: Action, path: string) {
  const viewer = await requirePageViewer(action, path);
  await requireVisibleDataset(viewer, id);
  const dataset = await (await getStore()).getDataset(id);
  if (!dataset) notFound();
  await audit(viewer, { action: "dataset:view", resourceType: "dataset", resourceId: id, result: "allowed", detail: { page: path, version: dataset.version } });
  return { dataset, viewer };
}

/** Analyze, weighting and insights pages: the question list the builders need. */
export async function loadAnalysis(id: string, action: Action = "crosstab:run", path = `/datasets/${id}/analyze`) {
  const { dataset, viewer } = await loadDatasetFor(id, action, path);
  return {
    /** questions a respondent-level export may include for this viewer (null: the role may not export rows) */
    respondentExport: can(viewer.role, "export:respondents")
      ? exportableQuestions(dataset, viewer.role).map((p) => ({ id: p.question.id, label: p.question.label, allowed: p.allowed, reason: p.reason, quasiIdentifier: p.quasiIdentifier, quasiLocked: p.quasiLocked }))
      : null,
    dataset: { id: dataset.id, name: dataset.name, respondents: dataset.respondents, synthetic: dataset.synthetic },
    questions: dataset.questions.map(toQuestionLite),
    defaultFilters: dataset.defaultFilters,
    minBase: getEnv().MIN_EFFECTIVE_BASE,
  };
}
