import "server-only";
import { agentInfo, listAgentCredentials } from "@/lib/auth/agent-credentials";
import { visibleDatasetIdsWith } from "@/lib/auth/identity";
import { appOrigin, getIdentity } from "@/lib/auth/server";
import type { Viewer } from "@/lib/auth/viewer";
import { MCP_TOOL_NAMES, type AgentCredentialInfo, type McpToolName } from "@/lib/schema/agents";
import { getStore } from "@/lib/store";

export interface AgentsAdminView {
  agents: AgentCredentialInfo[];
  /** the datasets an agent of this workspace may be granted (owned by it or shared with it) */
  datasets: { id: string; name: string }[];
  tools: readonly McpToolName[];
  mcpUrl: string;
}

/**
 * The admin page of agent credentials: the workspace's agents (scope, status, last use, budget
 * left) and what a new one may be granted.
 * @example await loadAgentsAdmin(viewer) // { agents: [...], datasets: [{ id: "sinch-demo", name: "…" }], tools: [...], mcpUrl: "http://localhost:3000/api/mcp" }
 */
export async function loadAgentsAdmin(viewer: Viewer): Promise<AgentsAdminView> {
  const sql = (await getIdentity()).sql;
  // shares with one member are that member's, not the workspace's: an agent id matches no member
  const visible = await visibleDatasetIdsWith(sql, { userId: "agent:new", workspaceId: viewer.workspaceId });
  const datasets = (await (await getStore()).listDatasets()).filter((d) => visible.has(d.id)).map((d) => ({ id: d.id, name: d.name }));
  return { agents: (await listAgentCredentials(sql, viewer.workspaceId)).map((r) => agentInfo(r)), datasets, tools: MCP_TOOL_NAMES, mcpUrl: `${appOrigin()}/api/mcp` };
}
