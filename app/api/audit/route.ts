// GET /api/audit[?action=…&actor=…&format=csv] – the workspace's audit trail (admins), with chain verification;
// records about datasets the admin sees only as aggregates keep no specs or numbers (the disclosure gateway)
import { authorize } from "@/lib/server/authorize";
import { loadAudit } from "@/lib/server/audit-view";
import { auditResponseSchema } from "@/lib/schema/audit";
import { respondReleased, sendReleased } from "@/lib/server/respond-released";
import { route } from "@/lib/server/route";
import { releaseAuditCsv, releaseAuditJson } from "@/lib/services/gateway-pages";

export const dynamic = "force-dynamic";

const COLUMNS = ["seq", "occurred_at", "actor_email", "actor_role", "action", "resource_type", "resource_id", "result", "detail", "ip", "hash"] as const;

export const GET = route(async (req) => {
  const viewer = await authorize(req, "audit:read");
  const url = new URL(req.url);
  const released = await loadAudit(viewer, { action: url.searchParams.get("action") || undefined, actor: url.searchParams.get("actor") || undefined });
  if (url.searchParams.get("format") === "csv") return sendReleased(releaseAuditCsv(released, COLUMNS));
  return respondReleased(auditResponseSchema, releaseAuditJson(released));
});
