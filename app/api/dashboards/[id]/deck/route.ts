// GET /api/dashboards/{id}/deck – the dashboard as a PPTX deck: one slide per tile (chart image,
// base note, source), computed for the caller through the disclosure gateway; audited
import { audit } from "@/lib/server/audit";
import { authorize } from "@/lib/server/authorize";
import { sendReleased } from "@/lib/server/respond-released";
import { route } from "@/lib/server/route";
import { requireDashboard } from "@/lib/views/access";
import { releaseDeck } from "@/lib/services/gateway-files";

export const dynamic = "force-dynamic";

export const GET = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authorize(req, "dashboards:read");
  const dashboard = await requireDashboard(viewer, id);
  const { file, tiles } = await releaseDeck(viewer, dashboard);
  await audit(viewer, { action: "dashboard:deck", resourceType: "dashboard", resourceId: dashboard.id, result: "ok", detail: { format: "pptx", slides: tiles.length, tiles: tiles.map((t) => ({ view: t.viewId, status: t.status })) } }, req);
  return sendReleased(file);
});
