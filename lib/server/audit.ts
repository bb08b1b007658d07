import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { getIdentity } from "@/lib/auth/server";
import { getMembership } from "@/lib/auth/identity";
import type { SqlRunner } from "@/lib/store";
import { appendAudit, type AuditEvent } from "@/lib/audit/audit-log";
import type { AuditRecord } from "@/lib/audit/chain";
import { clientAddress, parseTrustedProxies, type TrustedProxies } from "@/lib/auth/client-address";
import { getEnv } from "@/lib/schema/env";

let proxies: TrustedProxies | undefined;
/** TRUSTED_PROXIES, parsed once. */
export function trustedProxies(): TrustedProxies {
  return (proxies ??= parseTrustedProxies(getEnv().TRUSTED_PROXIES));
}

/** The client address by the trusted-proxy rule (`lib/auth/client-address.ts`), for the audit trail. */
export function clientIp(req: Request | null): string | null {
  return req ? clientAddress(req.headers, trustedProxies()) : null;
}

export type AuditInput = Omit<AuditEvent, "workspaceId" | "actorId" | "actorRole">;

/**
 * The workspace an event happened IN when that is not the actor's current one: the workspace
 * itself (`resourceType: "workspace"`: created, members changed) or `detail.workspaceId` (users and
 * tokens created there, a dataset shared with it); else null.
 *
 * @example
 * targetWorkspaceOf({ workspaceId: "default" }, { action: "members:set", resourceType: "workspace", resourceId: "ws_1", result: "ok" }) // "ws_1"
 */
export function targetWorkspaceOf(viewer: Pick<Viewer, "workspaceId">, e: AuditInput): string | null {
  const target = e.resourceType === "workspace" ? e.resourceId : e.detail?.workspaceId;
  return typeof target === "string" && target !== "" && target !== viewer.workspaceId ? target : null;
}

/**
 * Append one record to the actor's workspace trail and, when the event happened in another
 * workspace the actor administers, a twin to that workspace's trail (with `actorWorkspaceId` in
 * its detail), so W's admins see every change made in W. Shares with a workspace the actor does
 * not administer stay in the actor's trail only (a tenant does not learn who elsewhere shares).
 *
 * @example await recordAudit(sql, viewer, { action: "members:set", resourceType: "workspace", resourceId: "ws_1", result: "ok" }, "10.0.0.1")
 */
export async function recordAudit(sql: SqlRunner, viewer: Viewer | null, e: AuditInput, ip: string | null): Promise<AuditRecord> {
  // only an authenticated actor is named: an anonymous event never carries an email as its actor
  const base = { ...e, actorId: viewer?.userId ?? null, actorEmail: viewer?.email ?? null, ip: e.ip ?? ip };
  const record = await appendAudit(sql, { ...base, workspaceId: viewer?.workspaceId ?? null, actorRole: viewer?.role ?? null });
  const target = viewer ? targetWorkspaceOf(viewer, e) : null;
  if (viewer && target) {
    const member = await getMembership(sql, viewer.userId, target);
    if (member?.role === "admin") {
      await appendAudit(sql, { ...base, workspaceId: target, actorRole: member.role, detail: { ...e.detail, actorWorkspaceId: viewer.workspaceId } });
    }
  }
  return record;
}

/**
 * Write one audit record for `viewer` (null: anonymous). Never records cell values or respondent
 * data: only the action, the resource and counts/specs in `detail`. A change made in another
 * workspace the viewer administers is recorded in that workspace's trail too (`recordAudit`).
 */
export async function audit(viewer: Viewer | null, e: AuditInput, req: Request | null = null) {
  const id = await getIdentity();
  return recordAudit(id.sql, viewer, e, clientIp(req));
}
