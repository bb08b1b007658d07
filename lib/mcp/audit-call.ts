import crypto from "node:crypto";
import type { AgentCredentialRow } from "@/lib/auth/agent-credentials";
import { appendAudit } from "@/lib/audit/audit-log";
import type { SqlRunner } from "@/lib/store";

/** Arguments up to this size are recorded whole; larger ones by hash and size. */
const MAX_ARGS_BYTES = 16 * 1024;

export interface AgentCallRecord {
  tool: string | null;
  args: unknown;
  outcome: "released" | "refused" | "failed";
  code?: string;
  message?: string;
  resource?: { type: "dataset" | "dashboard"; id: string } | null;
  budgetLeft?: number | null;
  transport: "http" | "stdio";
}

/**
 * One MCP call in the hash-chained audit trail: the agent as actor (`agent:<id>`, role "agent"),
 * its human sponsor, the tool, the arguments, and whether it was released or refused (with the
 * code). An unknown credential is recorded without a workspace (instance-level, like anonymous
 * refusals). Never records a released number.
 * @example await auditAgentCall(sql, row, { tool: "crosstab", args: { dataset: "demo" }, outcome: "released", transport: "http" }, "10.0.0.1")
 */
export async function auditAgentCall(sql: SqlRunner, agent: AgentCredentialRow | null, e: AgentCallRecord, ip: string | null): Promise<void> {
  const text = JSON.stringify(e.args ?? {});
  const args = Buffer.byteLength(text, "utf8") <= MAX_ARGS_BYTES ? (e.args ?? {}) : { sha256: crypto.createHash("sha256").update(text).digest("hex"), bytes: Buffer.byteLength(text, "utf8") };
  await appendAudit(sql, {
    workspaceId: agent?.workspaceId ?? null,
    actorId: agent?.id ?? null,
    actorEmail: agent ? `agent:${agent.id}` : null,
    actorRole: "agent",
    action: "agent:tool",
    resourceType: e.resource?.type ?? null,
    resourceId: e.resource?.id ?? null,
    result: e.outcome === "released" ? "ok" : e.outcome === "refused" ? "denied" : "failed",
    ip,
    detail: {
      agentId: agent?.id ?? null,
      agentName: agent?.name ?? null,
      sponsorId: agent?.createdBy ?? null,
      sponsorEmail: agent?.createdByEmail ?? null,
      tool: e.tool,
      arguments: args,
      outcome: e.outcome,
      transport: e.transport,
      ...(e.code ? { code: e.code, message: e.message ?? null } : {}),
      ...(e.budgetLeft !== undefined ? { budgetLeft: e.budgetLeft } : {}),
    },
  });
}
