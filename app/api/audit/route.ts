// GET /api/audit[?action=…&actor=…&format=csv] – the workspace's audit trail (admins), with chain verification
import { rowsToCsv } from "@/lib/export";
import { authorize } from "@/lib/server/authorize";
import { loadAudit } from "@/lib/server/audit-view";
import { auditResponseSchema } from "@/lib/schema/audit";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const COLUMNS = ["seq", "occurred_at", "actor_email", "actor_role", "action", "resource_type", "resource_id", "result", "detail", "ip", "hash"] as const;

export const GET = route(async (req) => {
  const viewer = await authorize(req, "audit:read");
  const url = new URL(req.url);
  const { records, broken, total } = await loadAudit(viewer, { action: url.searchParams.get("action") || undefined, actor: url.searchParams.get("actor") || undefined });
  if (url.searchParams.get("format") === "csv") {
    const csv = rowsToCsv([...COLUMNS], records.map((r) => COLUMNS.map((c) => (r[c] === null ? null : String(r[c])))));
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit.csv"', "cache-control": "private, no-store", "x-content-type-options": "nosniff" },
    });
  }
  return respond(auditResponseSchema, { chain: { records: total, verified: broken === null, brokenAt: broken }, records });
});
