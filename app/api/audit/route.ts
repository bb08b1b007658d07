// GET /api/audit[?action=…&actor=…&from=YYYY-MM-DD&to=YYYY-MM-DD&before=<seq>&format=csv] – the workspace's audit
// trail (admins), newest first, 100 per page (`nextBefore`: the cursor of the next, older page), with chain verification
import { rowsToCsv } from "@/lib/export";
import { authorize } from "@/lib/server/authorize";
import { auditFilterOf, loadAudit } from "@/lib/server/audit-view";
import { auditResponseSchema } from "@/lib/schema/audit";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const COLUMNS = ["seq", "occurred_at", "actor_email", "actor_role", "action", "resource_type", "resource_id", "result", "detail", "ip", "hash"] as const;

export const GET = route(async (req) => {
  const viewer = await authorize(req, "audit:read");
  const url = new URL(req.url);
  const csvWanted = url.searchParams.get("format") === "csv";
  // the CSV download carries up to 5,000 records of the filter; the JSON answer one page
  const { records, nextBefore, broken, total } = await loadAudit(viewer, auditFilterOf(url.searchParams), csvWanted ? 5000 : undefined);
  if (csvWanted) {
    const csv = rowsToCsv([...COLUMNS], records.map((r) => COLUMNS.map((c) => (r[c] === null ? null : String(r[c])))));
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="audit.csv"', "cache-control": "private, no-store", "x-content-type-options": "nosniff" },
    });
  }
  return respond(auditResponseSchema, { chain: { records: total, verified: broken === null, brokenAt: broken }, records, nextBefore });
});
