// POST /api/mcp – the MCP server (Streamable HTTP, stateless) for AI agent credentials
// (Authorization: Bearer ssa_…); GET and DELETE are not exported, so Next answers 405 (no
// server-initiated stream, no sessions)
import { handleMcpHttp } from "@/lib/mcp/http";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const POST = route(async (req) => handleMcpHttp(req));
