// GET /api/dashboards/{id} – the dashboard with its tiles computed for the caller (small cells
// hidden); PUT {name, description?, tiles} – replace name and layout; DELETE – remove it
import { AppError } from "@/lib/schema/errors";
import { dashboardResponseSchema, updateDashboardSchema } from "@/lib/schema/views";
import { audit } from "@/lib/server/audit";
import { authorize } from "@/lib/server/authorize";
import { readJson } from "@/lib/server/read-json";
import { dashboardDetailResponseSchema } from "@/lib/schema/dashboard-tiles";
import { respond } from "@/lib/server/respond";
import { respondReleased } from "@/lib/server/respond-released";
import { route } from "@/lib/server/route";
import { requireDashboard, viewsSql } from "@/lib/views/access";
import { deleteDashboard, updateDashboard } from "@/lib/store";
import { releaseDashboard } from "@/lib/services/gateway-files";
import { parseDashboardFilters } from "@/lib/views/dashboard-filters";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authorize(req, "dashboards:read");
  const dashboard = await requireDashboard(viewer, id);
  const filters = parseDashboardFilters(new URL(req.url).searchParams);
  const released = await releaseDashboard(viewer, dashboard, filters);
  const { tiles } = released.body;
  await audit(viewer, { action: "dashboard:view", resourceType: "dashboard", resourceId: dashboard.id, result: "ok", detail: { via: "api", filters, tiles: tiles.map((t) => ({ view: t.viewId, status: t.status })) } }, req);
  return respondReleased(dashboardDetailResponseSchema, released);
});

export const PUT = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authorize(req, "dashboards:edit");
  const current = await requireDashboard(viewer, id);
  const body = updateDashboardSchema.parse(await readJson(req, 32 * 1024));
  const dashboard = await updateDashboard(await viewsSql(), viewer.workspaceId, current.id, body);
  if (!dashboard) throw new AppError("not_found", `dashboard not found: ${id}`);
  await audit(viewer, { action: "dashboard:edit", resourceType: "dashboard", resourceId: dashboard.id, result: "ok", detail: { name: dashboard.name, tiles: dashboard.tiles } }, req);
  return respond(dashboardResponseSchema, { dashboard });
});

export const DELETE = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authorize(req, "dashboards:edit");
  const current = await requireDashboard(viewer, id);
  if (!(await deleteDashboard(await viewsSql(), viewer.workspaceId, current.id))) throw new AppError("not_found", `dashboard not found: ${id}`);
  await audit(viewer, { action: "dashboard:delete", resourceType: "dashboard", resourceId: current.id, result: "ok", detail: { name: current.name } }, req);
  return new Response(null, { status: 204 });
});
