// GET /api/dashboards – the workspace's dashboards; POST {name, description?, tiles?} – create one
import { createDashboardSchema, dashboardListResponseSchema, dashboardResponseSchema } from "@/lib/schema/views";
import { audit } from "@/lib/server/audit";
import { authorize } from "@/lib/server/authorize";
import { readJson } from "@/lib/server/read-json";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";
import { viewsSql } from "@/lib/views/access";
import { createDashboard, listDashboards } from "@/lib/store";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const viewer = await authorize(req, "dashboards:read");
  return respond(dashboardListResponseSchema, { dashboards: await listDashboards(await viewsSql(), viewer.workspaceId) });
});

export const POST = route(async (req) => {
  const viewer = await authorize(req, "dashboards:edit");
  const body = createDashboardSchema.parse(await readJson(req, 32 * 1024));
  const dashboard = await createDashboard(await viewsSql(), viewer.workspaceId, viewer.userId, body);
  await audit(viewer, { action: "dashboard:create", resourceType: "dashboard", resourceId: dashboard.id, result: "ok", detail: { name: dashboard.name, tiles: dashboard.tiles } }, req);
  return respond(dashboardResponseSchema, { dashboard }, 201);
});
