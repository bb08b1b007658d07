import "server-only";
import { notFound } from "next/navigation";
import { toQuestionLite } from "@/lib/analysis/question-roles";
import type { Action } from "@/lib/auth/permissions";
import { datasetAccess, visibleDatasetIds } from "@/lib/auth/viewer";
import { canOnDataset } from "@/lib/auth/workspaces";
import { governedStatus } from "@/lib/governance/column-status";
import { exportableQuestions } from "@/lib/governance/respondent-export";
import { governedColumnStatus } from "@/lib/services/column-governance";
import { getEnv } from "@/lib/schema/env";
import { getStore } from "@/lib/store";
import { requirePageViewer } from "./authorize";
import { audit } from "./audit";
import { datasetShownTo } from "@/lib/services/audience";

/** Datasets page: the summaries of every dataset the viewer may see, newest first. */
export async function loadDatasetList(path = "/datasets", action: Action = "dataset:read") {
  const viewer = await requirePageViewer(action, path);
  const visible = await visibleDatasetIds(viewer);
  return (await (await getStore()).listDatasets()).filter((d) => visible.has(d.id));
}

/** Dataset pages: the dataset, or a 404 when absent or not the viewer's (indistinguishable). */
export async function loadDataset(id: string, action: Action = "dataset:read", path = `/datasets/${id}`) {
  return (await loadDatasetFor(id, action, path)).dataset;
}

/** The dataset and viewer, and how the viewer reaches it (owner or shared): 404 when they cannot. */
async function loadDatasetFor(id: string, action: Action, path: string) {
  const viewer = await requirePageViewer(action, path);
  const access = await datasetAccess(viewer, id);
  // a dataset only shared with the viewer's workspace opens for reading and analysis; its schema
  // and weighting pages answer 404 like the routes behind them refuse (same rule: canOnDataset)
  if (access === null || !canOnDataset(viewer.role, access, action)) notFound();
  const dataset = await (await getStore()).getDataset(id);
  if (!dataset) notFound();
  await audit(viewer, { action: "dataset:view", resourceType: "dataset", resourceId: id, result: "allowed", detail: { page: path, version: dataset.version, ...(access === "shared" ? { access } : {}) } });
  return { dataset, viewer, access };
}

/** Dataset overview: the dataset and which of its editors the viewer may open (links are hidden otherwise). */
export async function loadDatasetOverview(id: string) {
  const { dataset: full, viewer, access } = await loadDatasetFor(id, "dataset:read", `/datasets/${id}`);
  // option counts and answered bases: protected under k for an aggregate-only audience
  const dataset = await datasetShownTo(viewer, full);
  return { dataset, canEdit: canOnDataset(viewer.role, access, "schema:edit"), canDelete: canOnDataset(viewer.role, access, "dataset:delete") };
}

/** Analyze, weighting and insights pages: the question list the builders need. */
export async function loadAnalysis(id: string, action: Action = "crosstab:run", path = `/datasets/${id}/analyze`) {
  const { dataset, viewer, access } = await loadDatasetFor(id, action, path);
  return {
    /**
     * questions a respondent-level export may include for this viewer (null: they may not export
     * rows — their role, or a dataset only shared with them: the same rule as the export route)
     */
    respondentExport: canOnDataset(viewer.role, access, "export:respondents")
      ? exportableQuestions(dataset, viewer.role, governedStatus(await governedColumnStatus(await getStore(), dataset))).map((p) => ({ id: p.question.id, label: p.question.label, allowed: p.allowed, reason: p.reason, quasiIdentifier: p.quasiIdentifier, quasiLocked: p.quasiLocked }))
      : null,
    dataset: { id: dataset.id, name: dataset.name, respondents: dataset.respondents, synthetic: dataset.synthetic },
    questions: dataset.questions.map(toQuestionLite),
    defaultFilters: dataset.defaultFilters,
    minBase: getEnv().MIN_EFFECTIVE_BASE,
  };
}
