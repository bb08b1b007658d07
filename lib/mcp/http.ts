import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { REFUSAL_MESSAGES, resolveAgentToken } from "@/lib/auth/agent-credentials";
import { getIdentity } from "@/lib/auth/server";
import { clientIp } from "@/lib/server/audit";
import { auditAgentCall } from "./audit-call";
import { AGENT_RPC_CODES } from "./errors";
import { createAgentMcpServer } from "./server";

/** Largest JSON-RPC body accepted (tool arguments are small). */
export const MAX_MCP_BODY_BYTES = 256 * 1024;

const rpcError = (status: number, id: unknown, code: number, message: string, data: Record<string, unknown>, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ jsonrpc: "2.0", id: id ?? null, error: { code, message, data } }), {
    status,
    headers: { "content-type": "application/json", "cache-control": "private, no-store", "x-content-type-options": "nosniff", ...headers },
  });

/** The tools/call inside a JSON-RPC body (one message or a batch), for the audit of a refused credential. */
function toolCallOf(body: unknown): { id: unknown; tool: string | null; args: unknown } {
  const first = Array.isArray(body) ? body[0] : body;
  if (!first || typeof first !== "object") return { id: null, tool: null, args: null };
  const m = first as { id?: unknown; method?: unknown; params?: { name?: unknown; arguments?: unknown } };
  return { id: m.id ?? null, tool: m.method === "tools/call" && typeof m.params?.name === "string" ? m.params.name : null, args: m.method === "tools/call" ? (m.params?.arguments ?? null) : { method: m.method ?? null } };
}

/**
 * `POST /api/mcp`: the MCP Streamable HTTP endpoint, stateless (a fresh server and transport per
 * request, JSON answers, no session), authenticated by an agent credential only
 * (`Authorization: Bearer ssa_…`; cookies and API tokens are not agents). An unknown, revoked or
 * expired credential answers 401 with a JSON-RPC error (and, for a tools/call, an audit record).
 * GET (the optional server-to-client stream) and DELETE (sessions) answer 405.
 */
export async function handleMcpHttp(req: Request): Promise<Response> {
  if (req.method !== "POST") {
    return rpcError(405, null, -32000, "method not allowed: this MCP endpoint is stateless; POST JSON-RPC messages", { code: "method_not_allowed" }, { allow: "POST" });
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_MCP_BODY_BYTES) return rpcError(413, null, -32600, `payload too large: at most ${MAX_MCP_BODY_BYTES} bytes`, { code: "payload_too_large" });
  const text = await req.text();
  if (Buffer.byteLength(text, "utf8") > MAX_MCP_BODY_BYTES) return rpcError(413, null, -32600, `payload too large: at most ${MAX_MCP_BODY_BYTES} bytes`, { code: "payload_too_large" });
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return rpcError(400, null, -32700, "parse error: the body is not JSON", { code: "bad_request" });
  }
  const sql = (await getIdentity()).sql;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.get("authorization") ?? "");
  const { row, refusal } = m ? await resolveAgentToken(sql, m[1]) : { row: null, refusal: "invalid" as const };
  if (!row || refusal === "invalid" || refusal === "revoked" || refusal === "expired") {
    const reason = refusal ?? "invalid";
    const call = toolCallOf(body);
    if (call.tool !== null || row) {
      await auditAgentCall(sql, row, { tool: call.tool, args: call.args, outcome: "refused", code: "unauthorized", message: REFUSAL_MESSAGES[reason], transport: "http" }, clientIp(req)).catch(() => undefined);
    }
    return rpcError(401, call.id, AGENT_RPC_CODES.unauthorized, REFUSAL_MESSAGES[reason], { code: "unauthorized", reason }, { "www-authenticate": `Bearer error="invalid_token", error_description="${reason}"` });
  }
  const server = createAgentMcpServer({ agentId: row.id, transport: "http", ip: clientIp(req) });
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  try {
    const res = await transport.handleRequest(new Request(req.url, { method: "POST", headers: req.headers, body: text }), { parsedBody: body });
    res.headers.set("cache-control", "private, no-store");
    return res;
  } finally {
    await server.close();
  }
}
