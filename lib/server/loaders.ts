import "server-only";
import { notFound } from "next/navigation";
import type { Action } from "@/lib/auth/permissions";
import { datasetAccess, visibleDatasetIds } from "@/lib/auth/viewer";
import { canOnDataset } from "@/lib/auth/workspaces";
import { governedStatus } from "@/lib/governance/column-status";
import { exportableQuestions } from "@/lib/governance/respondent-export";
import { governedColumnStatus } from "@/lib/services/column-governance";
import { getStore } from "@/lib/store";
import { loadsLazily } from "@/lib/analysis/question-search";
import { requirePageViewer } from "./authorize";
import { audit } from "./audit";
import { releaseAnalysisPage, releaseDatasetListPage, releaseDatasetPage, type WantedQuestions } from "@/lib/services/gateway-pages";

/** Datasets page: the summaries of every dataset the viewer may see, newest first (released: `pageProps(…).datasets`). */
export async function loadDatasetList(path = "/datasets", action: Action = "dataset:read") {
  const viewer = await requirePageViewer(action, path);
  const visible = await visibleDatasetIds(viewer);
  return releaseDatasetListPage(viewer, (await (await getStore()).listDatasets()).filter((d) => visible.has(d.id)));
}

/** Dataset pages (schema review): the dataset as the viewer may see it, or a 404 when absent or not the viewer's (indistinguishable). */
export async function loadDataset(id: string, action: Action = "dataset:read", path = `/datasets/${id}`) {
  const { dataset, viewer } = await loadDatasetFor(id, action, path);
  return releaseDatasetPage(viewer, dataset, {});
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
  const { dataset, viewer, access } = await loadDatasetFor(id, "dataset:read", `/datasets/${id}`);
  // option counts and answered bases: protected under k for an aggregate-only audience
  return releaseDatasetPage(viewer, dataset, { canEdit: canOnDataset(viewer.role, access, "schema:edit"), canDelete: canOnDataset(viewer.role, access, "dataset:delete") });
}

/**
 * Analyze, weighting and insights pages: the question list the builders need (a wide dataset's:
 * the questions `wanted` names, see `releaseAnalysisPage`).
 */
export async function loadAnalysis(id: string, action: Action = "crosstab:run", path = `/datasets/${id}/analyze`, wanted?: WantedQuestions) {
  const { dataset, viewer, access } = await loadDatasetFor(id, action, path);
  const wide = loadsLazily(dataset.questions);
  return releaseAnalysisPage(viewer, dataset, {
    /**
     * questions a respondent-level export may include for this viewer (null: they may not export
     * rows — their role, or a dataset only shared with them: the same rule as the export route)
     */
    respondentExport: canOnDataset(viewer.role, access, "export:respondents")
      ? exportableQuestions(dataset, viewer.role, governedStatus(await governedColumnStatus(await getStore(), dataset)))
          // a wide dataset lists only the columns with a rule; the others are added by search
          .filter((p) => !wide || !p.allowed || p.quasiIdentifier || p.quasiLocked)
          .map((p) => ({ id: p.question.id, label: p.question.label, allowed: p.allowed, reason: p.reason, quasiIdentifier: p.quasiIdentifier, quasiLocked: p.quasiLocked }))
      : null,
  }, wanted);
}
