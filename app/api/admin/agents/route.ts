// GET /api/admin/agents – AI agent credentials of the admin's workspace (scope, last use, budget
// left); POST {name, datasets, tools, expiresInDays, budget, workspaceId?} – create one (the token
// is in this response only; the creating admin is its sponsor); DELETE ?id= – revoke at once
import { agentInfo, createAgentCredential, listAgentCredentials, revokeAgentCredential } from "@/lib/auth/agent-credentials";
import { rolesFor } from "@/lib/auth/permissions";
import { appOrigin, getIdentity } from "@/lib/auth/server";
import { requireViewer } from "@/lib/auth/viewer";
import { adminWorkspace } from "@/lib/auth/workspaces";
import { agentCreatedResponseSchema, agentListResponseSchema, agentRevokedResponseSchema } from "@/lib/schema/agents";
import { AppError } from "@/lib/schema/errors";
import { audit } from "@/lib/server/audit";
import { readJson } from "@/lib/server/read-json";
import { respond } from "@/lib/server/respond";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const ADMINS = rolesFor("users:manage");

export const GET = route(async (req) => {
  const viewer = await requireViewer(req, ADMINS);
  const rows = await listAgentCredentials((await getIdentity()).sql, viewer.workspaceId);
  return respond(agentListResponseSchema, { agents: rows.map((r) => agentInfo(r)) });
});

export const POST = route(async (req) => {
  const viewer = await requireViewer(req, ADMINS);
  const body = (await readJson(req, 16 * 1024)) as Record<string, unknown> | null;
  const sql = (await getIdentity()).sql;
  const ws = await adminWorkspace(sql, viewer, typeof body?.workspaceId === "string" ? body.workspaceId : null);
  const { row, token } = await createAgentCredential(sql, viewer, ws, body);
  await audit(
    viewer,
    { action: "agents:create", resourceType: "agent", resourceId: row.id, result: "ok", detail: { name: row.name, workspaceId: ws, datasets: row.datasets, tools: row.tools, expiresAt: row.expiresAt, budget: row.budgetTotal } },
    req,
  );
  return respond(agentCreatedResponseSchema, { agent: agentInfo(row), token, mcpUrl: `${appOrigin()}/api/mcp` }, 201);
});

export const DELETE = route(async (req) => {
  const viewer = await requireViewer(req, ADMINS);
  const id = new URL(req.url).searchParams.get("id") ?? "";
  if (!(await revokeAgentCredential((await getIdentity()).sql, viewer.workspaceId, id, viewer.userId, new Date().toISOString()))) throw new AppError("not_found", `agent not found: ${id}`);
  await audit(viewer, { action: "agents:revoke", resourceType: "agent", resourceId: id, result: "ok" }, req);
  return respond(agentRevokedResponseSchema, { revoked: id });
});
