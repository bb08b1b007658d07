import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { CallToolRequestSchema, CallToolResultSchema, ListToolsRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { REFUSAL_MESSAGES, resolveAgentToken } from "@/lib/auth/agent-credentials";
import { isDuckDbLockError } from "@/lib/auth/bootstrap";
import { getIdentity } from "@/lib/auth/server";
import { createAgentMcpServer, MCP_INSTRUCTIONS } from "@/lib/mcp/server";
import { getStore } from "@/lib/store";
import { parseCommandArgs } from "../args";

const USAGE = `usage:
  mcp [--token ssa_…]                 serve MCP on stdio from the configured store (server stopped when on DuckDB)
  mcp --url URL [--token ssa_…]       serve MCP on stdio, forwarding to a running server's /api/mcp
  (the token may also come from SURVEYSCOPE_AGENT_TOKEN)`;

const LOCKED = "the database is in use by the running server: stop it, or forward to it with `mcp --url http://host:port/api/mcp`";

/** stdout carries the protocol only: anything the app logs goes to stderr. */
function keepStdoutForProtocol() {
  const toStderr = (...args: unknown[]) => process.stderr.write(`${args.map(String).join(" ")}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.warn = toStderr;
  console.debug = toStderr;
}

/** Run until the client closes stdin. */
async function serve(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    process.stdin.on("end", () => void server.close());
  });
  await server.connect(new StdioServerTransport());
  await closed;
}

/** A stdio MCP server that forwards every request to a running server's /api/mcp. */
async function proxy(url: string, token: string): Promise<number> {
  const client = new Client({ name: "surveyscope-cli", version: "0.1.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  const server = new Server({ name: "surveyscope", version: "0.1.0" }, { capabilities: { tools: {} }, instructions: client.getInstructions() ?? MCP_INSTRUCTIONS });
  server.setRequestHandler(ListToolsRequestSchema, (req) => client.listTools(req.params));
  server.setRequestHandler(CallToolRequestSchema, (req) => client.request({ method: "tools/call", params: req.params }, CallToolResultSchema));
  await serve(server);
  await client.close();
  return 0;
}

/**
 * `mcp`: the MCP server on stdio for a local client (Claude Desktop and others), for one agent
 * credential. Calls run through the same code as `/api/mcp` (scope, budget, disclosure, audit);
 * the credential is checked again at every call, so a revocation takes effect at once.
 */
export async function mcpCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { token: { type: "string" }, url: { type: "string" } });
  const token = values.token ?? process.env.SURVEYSCOPE_AGENT_TOKEN;
  if (!token) throw new Error(USAGE);
  keepStdoutForProtocol();
  if (values.url) return proxy(values.url, token);
  let sql;
  try {
    sql = (await getIdentity()).sql;
  } catch (err) {
    if (isDuckDbLockError(err)) throw new Error(LOCKED);
    throw err;
  }
  const { row, refusal } = await resolveAgentToken(sql, token);
  if (!row || refusal === "invalid" || refusal === "revoked" || refusal === "expired") throw new Error(REFUSAL_MESSAGES[refusal ?? "invalid"]);
  await serve(createAgentMcpServer({ agentId: row.id, transport: "stdio", ip: null }));
  await (await getStore()).close();
  return 0;
}
