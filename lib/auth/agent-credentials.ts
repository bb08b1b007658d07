import crypto from "node:crypto";
import { AppError } from "@/lib/schema/errors";
import { AGENT_TOKEN_PREFIX, agentCreateRequestSchema, agentTokenSchema, mcpToolNameSchema, type AgentCredentialInfo, type McpToolName } from "@/lib/schema/agents";
import { findAgentCredentialByHash, insertAgentCredential, type AgentCredentialRow, type SqlRunner } from "@/lib/store";
import { hashToken, type Viewer } from "./identity";
import { datasetAccessWith } from "./workspaces";

export { getAgentCredential, listAgentCredentials, revokeAgentCredential, spendAgentBudget, touchAgentCredential, type AgentCredentialRow } from "@/lib/store";

/** Why a credential cannot be used (checked in this order: revoked beats expired beats spent). */
export type AgentRefusal = "invalid" | "revoked" | "expired" | "exhausted";

/**
 * Create an agent credential for a workspace the sponsor administers: a name, the datasets (each
 * owned by or shared with that workspace, else not_found), the tools, an expiry and a budget. The
 * token (`ssa_` + 32 random bytes) is returned once; only its SHA-256 is stored, with the sponsor.
 *
 * @example
 * const { row, token } = await createAgentCredential(sql, admin, "default", { name: "Assistant", datasets: ["demo"], tools: ["crosstab"], expiresInDays: 30, budget: 100 })
 */
export async function createAgentCredential(
  sql: SqlRunner,
  sponsor: Pick<Viewer, "userId" | "email">,
  workspaceId: string,
  input: unknown,
  now = new Date(),
): Promise<{ row: AgentCredentialRow; token: string }> {
  const req = agentCreateRequestSchema.parse(input);
  const id = `agt_${crypto.randomBytes(8).toString("hex")}`;
  const datasets = [...new Set(req.datasets)];
  for (const d of datasets) {
    // the agent's own reach: owned by the workspace or shared with it (a share with the sponsor alone does not pass on)
    if ((await datasetAccessWith(sql, { userId: id, workspaceId }, d)) === null) throw new AppError("not_found", `dataset not found: ${d}`);
  }
  const token = AGENT_TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  const row: AgentCredentialRow = {
    id,
    name: req.name,
    workspaceId,
    createdBy: sponsor.userId,
    createdByEmail: sponsor.email,
    datasets,
    tools: [...new Set(req.tools)],
    expiresAt: new Date(now.getTime() + req.expiresInDays * 86_400_000).toISOString(),
    budgetTotal: req.budget,
    budgetUsed: 0,
    createdAt: now.toISOString(),
    lastUsedAt: null,
    revokedAt: null,
    revokedBy: null,
  };
  await insertAgentCredential(sql, { ...row, tokenHash: hashToken(token) });
  return { row, token };
}

/**
 * Why the credential cannot be used now, or null when it can.
 * @example refusalOf({ revokedAt: null, expiresAt: "2020-01-01T00:00:00.000Z", budgetUsed: 0, budgetTotal: 5 }, new Date()) // "expired"
 */
export function refusalOf(row: Pick<AgentCredentialRow, "revokedAt" | "expiresAt" | "budgetUsed" | "budgetTotal">, now: Date): Exclude<AgentRefusal, "invalid"> | null {
  if (row.revokedAt !== null) return "revoked";
  if (!(Date.parse(row.expiresAt) > now.getTime())) return "expired";
  if (row.budgetUsed >= row.budgetTotal) return "exhausted";
  return null;
}

/** The message an agent gets for each refusal (it names the credential's state, never data). */
export const REFUSAL_MESSAGES: Readonly<Record<AgentRefusal, string>> = {
  invalid: "unauthorized: send a valid agent credential (Authorization: Bearer ssa_…)",
  revoked: "unauthorized: this agent credential was revoked by an administrator",
  expired: "unauthorized: this agent credential has expired; ask an administrator for a new one",
  exhausted: "rate_limited: this agent credential's query budget is spent; ask an administrator for a new one",
};

/**
 * The credential behind a bearer token, with why it cannot be used (null: it can). A malformed or
 * unknown token is "invalid".
 * @example await resolveAgentToken(sql, "ssa_…") // { row, refusal: null }
 */
export async function resolveAgentToken(sql: SqlRunner, token: string, now = new Date()): Promise<{ row: AgentCredentialRow | null; refusal: AgentRefusal | null }> {
  if (!agentTokenSchema.safeParse(token).success) return { row: null, refusal: "invalid" };
  const row = await findAgentCredentialByHash(sql, hashToken(token));
  if (!row) return { row: null, refusal: "invalid" };
  return { row, refusal: refusalOf(row, now) };
}

/**
 * The agent as a viewer of the services: its own principal (user id = credential id, so its
 * differencing history and rate bucket are its own), in its workspace, via "agent" — which the
 * audience model always treats as aggregate-only. The analyst role lets it run breakdowns and read
 * dashboards; nothing else reaches it (the MCP server is its only door).
 * @example agentViewer(row) // { userId: "agt_…", email: "agent:agt_…", workspaceId: "default", role: "analyst", via: "agent" }
 */
export function agentViewer(row: Pick<AgentCredentialRow, "id" | "workspaceId">): Viewer {
  return { userId: row.id, email: `agent:${row.id}`, workspaceId: row.workspaceId, role: "analyst", via: "agent" };
}

/** The credential as the admin API and page show it. */
export function agentInfo(row: AgentCredentialRow, now = new Date()): AgentCredentialInfo {
  const tools = row.tools.filter((t): t is McpToolName => mcpToolNameSchema.safeParse(t).success);
  return {
    id: row.id,
    name: row.name,
    workspaceId: row.workspaceId,
    sponsor: { id: row.createdBy, email: row.createdByEmail },
    datasets: row.datasets,
    tools,
    expiresAt: row.expiresAt,
    budget: { total: row.budgetTotal, used: row.budgetUsed, left: Math.max(0, row.budgetTotal - row.budgetUsed) },
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    status: refusalOf(row, now) ?? "active",
  };
}
