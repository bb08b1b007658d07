// GET /api/dashboards/{id}/deck – the dashboard as a PPTX deck: one slide per tile (chart image,
// base note, source), computed for the caller with small cells hidden; audited
import { contentDisposition, EXPORT_CONTENT_TYPES } from "@/lib/export";
import { audit } from "@/lib/server/audit";
import { authorize } from "@/lib/server/authorize";
import { route } from "@/lib/server/route";
import { requireDashboard } from "@/lib/views/access";
import { dashboardDeck } from "@/lib/views/deck";
import { computeTiles } from "@/lib/views/tiles";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authorize(req, "dashboards:read");
  const dashboard = await requireDashboard(viewer, id);
  const tiles = await computeTiles(viewer, dashboard);
  const deck = await dashboardDeck(dashboard, tiles);
  await audit(viewer, { action: "dashboard:deck", resourceType: "dashboard", resourceId: dashboard.id, result: "ok", detail: { format: "pptx", slides: tiles.length, tiles: tiles.map((t) => ({ view: t.viewId, status: t.status })) } }, req);
  return new Response(new Uint8Array(deck), {
    headers: {
      "content-type": EXPORT_CONTENT_TYPES.pptx,
      "content-disposition": contentDisposition(dashboard.name, "pptx"),
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
});
