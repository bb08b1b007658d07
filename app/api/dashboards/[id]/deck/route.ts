// GET /api/dashboards/{id}/deck?format=pptx|pdf – the dashboard as a PowerPoint deck (native,
// editable charts) or a PDF of the same slides, computed for the caller through the disclosure gateway; audited
import { AppError } from "@/lib/schema/errors";
import { audit } from "@/lib/server/audit";
import { authorize } from "@/lib/server/authorize";
import { sendReleased } from "@/lib/server/respond-released";
import { route } from "@/lib/server/route";
import { requireDashboard } from "@/lib/views/access";
import { releaseDeck } from "@/lib/services/gateway-files";
import { parseDashboardFilters } from "@/lib/views/dashboard-filters";

export const dynamic = "force-dynamic";

const FORMATS = ["pptx", "pdf"] as const;

export const GET = route<{ id: string }>(async (req, { id }) => {
  const viewer = await authorize(req, "dashboards:read");
  const asked = new URL(req.url).searchParams.get("format") ?? "pptx";
  const format = FORMATS.find((f) => f === asked);
  if (!format) throw new AppError("bad_request", `format must be one of ${FORMATS.join(", ")}`, { param: "format" });
  const dashboard = await requireDashboard(viewer, id);
  const filters = parseDashboardFilters(new URL(req.url).searchParams);
  const { file, tiles } = await releaseDeck(viewer, dashboard, filters, format);
  await audit(viewer, { action: "dashboard:deck", resourceType: "dashboard", resourceId: dashboard.id, result: "ok", detail: { format, filters, slides: tiles.length, tiles: tiles.map((t) => ({ view: t.viewId, status: t.status })) } }, req);
  return sendReleased(file);
});
