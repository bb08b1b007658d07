// GET /api/audit[?action=…&actor=…&from=YYYY-MM-DD&to=YYYY-MM-DD&before=<seq>&format=csv] – the workspace's audit
// trail (admins), newest first, 100 per page (`nextBefore`: the cursor of the next, older page), with chain verification;
// records about datasets the admin sees only as aggregates keep no specs or numbers (the disclosure gateway)
import { authorize } from "@/lib/server/authorize";
import { auditFilterOf, loadAudit } from "@/lib/server/audit-view";
import { auditResponseSchema } from "@/lib/schema/audit";
import { respondReleased, sendReleased } from "@/lib/server/respond-released";
import { route } from "@/lib/server/route";
import { releaseAuditCsv, releaseAuditJson } from "@/lib/services/gateway-pages";

export const dynamic = "force-dynamic";

const COLUMNS = ["seq", "occurred_at", "actor_email", "actor_role", "action", "resource_type", "resource_id", "result", "detail", "ip", "hash"] as const;

export const GET = route(async (req) => {
  const viewer = await authorize(req, "audit:read");
  const url = new URL(req.url);
  const csvWanted = url.searchParams.get("format") === "csv";
  // the CSV download carries up to 5,000 records of the filter; the JSON answer one page
  const released = await loadAudit(viewer, auditFilterOf(url.searchParams), csvWanted ? 5000 : undefined);
  if (csvWanted) return sendReleased(releaseAuditCsv(released, COLUMNS));
  return respondReleased(auditResponseSchema, releaseAuditJson(released));
});
