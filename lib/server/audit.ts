import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getIdentity } from "@/lib/auth/server";
import { appendAudit, type AuditEvent } from "@/lib/audit/audit-log";

/** The client address as the proxy reports it (first hop), for the audit trail. */
export function clientIp(req: Request | null): string | null {
  const fwd = req?.headers.get("x-forwarded-for");
  return fwd ? fwd.split(",")[0].trim().slice(0, 64) : null;
}

/**
 * Write one audit record for `viewer` (null: anonymous). Never records cell values or respondent
 * data: only the action, the resource and counts/specs in `detail`.
 */
export async function audit(viewer: Viewer | null, e: Omit<AuditEvent, "workspaceId" | "actorId" | "actorRole">, req: Request | null = null) {
  const id = await getIdentity();
  return appendAudit(id.sql, {
    ...e,
    workspaceId: viewer?.workspaceId ?? null,
    actorId: viewer?.userId ?? null,
    actorEmail: viewer?.email ?? e.actorEmail ?? null,
    actorRole: viewer?.role ?? null,
    ip: e.ip ?? clientIp(req),
  });
}
