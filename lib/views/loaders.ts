import "server-only";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { canSeeDataset, visibleDatasetIds } from "@/lib/auth/viewer";
import { DASHBOARD_ID, isTextTile } from "@/lib/schema/views";
import { audit } from "@/lib/server/audit";
import { requirePageViewer } from "@/lib/server/authorize";
import { getStore } from "@/lib/store";
import { viewsSql } from "./access";
import { getDashboard, listDashboards } from "@/lib/store";
import { releaseDashboard } from "@/lib/services/gateway-files";
import { getViews, listViews } from "@/lib/store";
import type { DashboardFilters } from "./dashboard-filters";
import { filterQuestions } from "./filter-options";

/** Dashboards page: the workspace's dashboards, and whether the viewer may create one. */
export async function loadDashboardList() {
  const viewer = await requirePageViewer("dashboards:read", "/dashboards");
  return { dashboards: await listDashboards(await viewsSql(), viewer.workspaceId), canEdit: can(viewer.role, "dashboards:edit") };
}

/**
 * One dashboard with its tiles computed for the viewer (404 when absent or another workspace's),
 * plus, for editors, the saved views they may pin. Audited as a dashboard view. The tiles are
 * released (`pageProps(released)` gives `{ dashboard, tiles }`).
 */
export async function loadDashboardPage(id: string, filters: DashboardFilters = {}) {
  const viewer = await requirePageViewer("dashboards:read", `/dashboards/${id}`);
  const sql = await viewsSql();
  const dashboard = DASHBOARD_ID.test(id) ? await getDashboard(sql, viewer.workspaceId, id) : null;
  if (!dashboard) notFound();
  const released = await releaseDashboard(viewer, dashboard, filters);
  const { tiles } = released.body;
  await audit(viewer, { action: "dashboard:view", resourceType: "dashboard", resourceId: dashboard.id, result: "ok", detail: { via: "page", filters, tiles: tiles.map((t) => ({ view: t.viewId, status: t.status })) } });
  const canEdit = can(viewer.role, "dashboards:edit");
  let views: { id: string; name: string; datasetName: string }[] = [];
  if (canEdit) {
    const visible = await visibleDatasetIds(viewer);
    const names = new Map((await (await getStore()).listDatasets()).filter((d) => visible.has(d.id)).map((d) => [d.id, d.name]));
    views = (await listViews(sql, viewer.workspaceId)).filter((v) => names.has(v.datasetId)).map((v) => ({ id: v.id, name: v.name, datasetName: names.get(v.datasetId)! }));
  }
  // filter choices: the questions (labels and codes, never counts) of the datasets the tiles show
  const store = await getStore();
  const pinned = await getViews(sql, viewer.workspaceId, dashboard.tiles.filter((t) => !isTextTile(t)).map((t) => t.viewId));
  const questions = [];
  for (const datasetId of new Set([...pinned.values()].map((v) => v.datasetId))) {
    if (await canSeeDataset(viewer, datasetId)) questions.push((await store.getDataset(datasetId))?.questions ?? []);
  }
  return { released, canEdit, views, filterQuestions: filterQuestions(questions) };
}
