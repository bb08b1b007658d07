import "server-only";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { agentViewer, getAgentCredential, refusalOf, REFUSAL_MESSAGES, spendAgentBudget, type AgentCredentialRow } from "@/lib/auth/agent-credentials";
import { getIdentity } from "@/lib/auth/server";
import { datasetAccessWith } from "@/lib/auth/workspaces";
import { AppError } from "@/lib/schema/errors";
import type { Dataset } from "@/lib/schema/dataset";
import { chargeQuery } from "@/lib/server/budget";
import { getStore } from "@/lib/store";
import { auditAgentCall } from "./audit-call";
import { describeFailure, toMcpError } from "./errors";
import { grantedTool, MCP_TOOLS } from "./registry";
import type { McpTool } from "./tool";
import { UNTRUSTED_NOTE } from "./untrusted";

/** What the server tells every agent once, at initialisation. */
export const MCP_INSTRUCTIONS = `Surveyscope answers questions about survey datasets with protected aggregates only. Quote each number with its base, interval, weighting and caveats (the notes of every answer). Hidden cells ("< k", "—") must never be estimated. ${UNTRUSTED_NOTE}`;

export interface AgentSession {
  agentId: string;
  transport: "http" | "stdio";
  ip: string | null;
}

const jsonSchema = (s: z.ZodType, io: "input" | "output") => {
  const out = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-7" }) as Record<string, unknown>;
  delete out.$schema;
  return out;
};

/** The tools as MCP lists them: JSON Schemas of the zod input and output schemas. */
export function toolDefinition(t: McpTool): Tool {
  return { name: t.name, title: t.title, description: t.description, inputSchema: jsonSchema(t.input, "input") as Tool["inputSchema"], outputSchema: jsonSchema(t.output, "output") as Tool["outputSchema"], annotations: { readOnlyHint: true, openWorldHint: false } };
}

/** The credential as it is now (revocation and budget take effect at the next call), or a refusal. */
async function currentAgent(agentId: string): Promise<{ row: AgentCredentialRow | null; refusal: keyof typeof REFUSAL_MESSAGES | null }> {
  const row = await getAgentCredential((await getIdentity()).sql, agentId);
  if (!row) return { row: null, refusal: "invalid" };
  return { row, refusal: refusalOf(row, new Date()) };
}

/**
 * The dataset the arguments name, if it is in the agent's scope AND reachable by its workspace AND
 * present; otherwise the same not_found for all three. Both lookups always run, so an
 * out-of-scope id costs what an absent one costs.
 */
async function scopedDataset(agent: AgentCredentialRow, id: string): Promise<Dataset> {
  const [access, dataset] = await Promise.all([datasetAccessWith((await getIdentity()).sql, agentViewer(agent), id), (await getStore()).getDataset(id)]);
  if (!agent.datasets.includes(id) || access === null || dataset === null) throw new AppError("not_found", `dataset not found: ${id}`);
  return dataset;
}

/**
 * One tools/call, start to end: credential state, granted tool, arguments, dataset scope, budget,
 * the service, the output schema; every outcome audited. Refusals throw a structured McpError.
 */
export async function callAgentTool(session: AgentSession, name: string, rawArgs: unknown): Promise<CallToolResult> {
  const sql = (await getIdentity()).sql;
  const { row, refusal } = await currentAgent(session.agentId);
  let record = { tool: name, args: rawArgs, transport: session.transport } as const;
  const refuse = async (code: Parameters<typeof toMcpError>[0], message: string, extra: { resource?: { type: "dataset" | "dashboard"; id: string } | null; outcome?: "refused" | "failed" } = {}) => {
    await auditAgentCall(sql, row, { ...record, outcome: extra.outcome ?? "refused", code, message, resource: extra.resource ?? null }, session.ip).catch(() => undefined);
    return toMcpError(code, message);
  };
  if (!row || refusal) {
    const r = refusal ?? "invalid";
    throw await refuse(r === "exhausted" ? "rate_limited" : "unauthorized", REFUSAL_MESSAGES[r]);
  }
  const tool = grantedTool(name, row.tools);
  if (!tool) throw await refuse("unknown_tool", `unknown tool: ${name.slice(0, 100)}`);
  const parsed = tool.input.safeParse(rawArgs ?? {});
  if (!parsed.success) throw await refuse("invalid_arguments", describeFailure(parsed.error).message);
  const args = parsed.data as Record<string, unknown>;
  record = { ...record, args };
  const datasetId = tool.datasetArg ? String(args[tool.datasetArg]) : null;
  const resource = datasetId ? ({ type: "dataset", id: datasetId } as const) : typeof args.dashboard === "string" ? ({ type: "dashboard", id: args.dashboard } as const) : null;
  const viewer = agentViewer(row);
  let left: number | null = null;
  try {
    const dataset = datasetId ? await scopedDataset(row, datasetId) : null;
    left = await spendAgentBudget(sql, row.id, new Date().toISOString());
    if (left === null) throw new AppError("rate_limited", REFUSAL_MESSAGES.exhausted.replace(/^rate_limited: /, ""));
    if (tool.analysis) await chargeQuery(viewer, "crosstab:run");
    const out = tool.output.parse(await tool.run({ viewer, agent: row, store: await getStore(), dataset }, args));
    await auditAgentCall(sql, row, { ...record, outcome: "released", resource, budgetLeft: left }, session.ip);
    return { content: [{ type: "text", text: tool.render(out) }], structuredContent: out as Record<string, unknown> };
  } catch (err) {
    const f = describeFailure(err);
    if (f.code === "internal") console.error("mcp tool failed", name, err);
    throw await refuse(f.code, f.message, { resource, outcome: f.code === "internal" ? "failed" : "refused" });
  }
}

/**
 * An MCP server for one agent credential (a new one per HTTP request in stateless mode, one per
 * stdio process): it lists the granted tools and runs calls through `callAgentTool`.
 * @example const server = createAgentMcpServer({ agentId: "agt_…", transport: "stdio", ip: null }); await server.connect(new StdioServerTransport());
 */
export function createAgentMcpServer(session: AgentSession): Server {
  const server = new Server({ name: "surveyscope", version: "0.1.0" }, { capabilities: { tools: {} }, instructions: MCP_INSTRUCTIONS });
  server.setRequestHandler(ListToolsRequestSchema, async () => {
    const { row, refusal } = await currentAgent(session.agentId);
    if (!row || refusal === "invalid" || refusal === "revoked" || refusal === "expired") throw toMcpError("unauthorized", REFUSAL_MESSAGES[refusal ?? "invalid"]);
    return { tools: Object.values(MCP_TOOLS).filter((t) => row.tools.includes(t.name)).map(toolDefinition) };
  });
  server.setRequestHandler(CallToolRequestSchema, (req) => callAgentTool(session, req.params.name, req.params.arguments));
  return server;
}
