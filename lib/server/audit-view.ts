import "server-only";
import { z } from "zod";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { getIdentity } from "@/lib/auth/server";
import type { Viewer } from "@/lib/auth/viewer";
import { listAudit, readChain } from "@/lib/audit/audit-log";
import { verifyChain } from "@/lib/audit/chain";
import { releaseAudit } from "@/lib/services/gateway-pages";

/**
 * The audit records an admin may read (their workspace; instance-level records without a workspace —
 * anonymous refusals, sign-ins — only for admins of the Default workspace, the instance operators),
 * filtered, with the chain's verification; released through the disclosure gateway (`pageProps`).
 */
export async function loadAudit(viewer: Viewer, filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE) {
  const id = await getIdentity();
  const q = { workspaceId: viewer.workspaceId, includeInstance: viewer.workspaceId === DEFAULT_WORKSPACE_ID, ...filter };
  // one more than a page tells whether an older page exists
  const [rows, chain] = await Promise.all([listAudit(id.sql, { ...q, limit: pageSize + 1 }), readChain(id.sql)]);
  const records = rows.slice(0, pageSize);
  const nextBefore = rows.length > pageSize ? records[records.length - 1].seq : null;
  // records about datasets the admin sees only as aggregates lose their specs and numbers
  return releaseAudit(viewer, { records, nextBefore, broken: verifyChain(chain), total: chain.length });
}

/** Records per audit page. */
export const AUDIT_PAGE_SIZE = 100;

export interface AuditFilter {
  action?: string;
  actor?: string;
  before?: number;
  from?: string;
  to?: string;
}

/**
 * The audit filter from a query string (the page's form and `GET /api/audit`): action, actor
 * (email), `before` (paging cursor), `from`/`to` days (YYYY-MM-DD, UTC, `to` inclusive).
 *
 * @example auditFilterOf(new URLSearchParams("from=2026-03-01&before=120")) // { from: "2026-03-01T00:00:00.000Z", before: 120 }
 */
export function auditFilterOf(params: URLSearchParams): AuditFilter {
  const parsed = auditQuerySchema.parse(Object.fromEntries(["action", "actor", "before", "from", "to"].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))));
  const day = (d: string, plusDays = 0) => new Date(Date.parse(`${d}T00:00:00Z`) + plusDays * 86_400_000).toISOString();
  return {
    ...(parsed.action ? { action: parsed.action } : {}),
    ...(parsed.actor ? { actor: parsed.actor } : {}),
    ...(parsed.before !== undefined ? { before: parsed.before } : {}),
    ...(parsed.from ? { from: day(parsed.from) } : {}),
    ...(parsed.to ? { to: day(parsed.to, 1) } : {}),
  };
}

const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use a day as YYYY-MM-DD").refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "not a calendar day");
const auditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  actor: z.string().max(320).optional(),
  before: z.coerce.number().int().positive().optional(),
  from: dayString.optional(),
  to: dayString.optional(),
});
