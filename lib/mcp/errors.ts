import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { ZodError } from "zod";
import { AppError } from "@/lib/schema/errors";

/** What an agent is told when a call is refused: a stable code and a one-line message (never data). */
export type AgentErrorCode = AppError["code"] | "unknown_tool" | "invalid_arguments";

/** JSON-RPC error codes of the refusals outside the standard range (MCP servers may define their own). */
export const AGENT_RPC_CODES = { unauthorized: -32001, rate_limited: -32002, forbidden: -32003 } as const;

/**
 * A refusal as a structured MCP (JSON-RPC) error: `code` (JSON-RPC), `message`, and
 * `data: { code, message }` with our own code. Bad input is InvalidParams (-32602).
 * @example toMcpError("not_found", "dataset not found: x").code // -32602
 */
export function toMcpError(code: AgentErrorCode, message: string): McpError {
  const rpc =
    code === "unauthorized" ? AGENT_RPC_CODES.unauthorized : code === "rate_limited" ? AGENT_RPC_CODES.rate_limited : code === "forbidden" ? AGENT_RPC_CODES.forbidden : code === "internal" ? ErrorCode.InternalError : ErrorCode.InvalidParams;
  return new McpError(rpc, message, { code, message });
}

/**
 * Any failure of a tool as (code, message): AppErrors keep theirs, zod issues become located
 * "invalid_arguments", anything else is "internal" with no detail (logged on the server).
 * @example describeFailure(new AppError("not_found", "dataset not found: x")) // { code: "not_found", message: "dataset not found: x" }
 */
export function describeFailure(err: unknown): { code: AgentErrorCode; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  if (err instanceof ZodError) return { code: "invalid_arguments", message: `invalid arguments: ${err.issues.map((i) => `${i.path.join(".") || "arguments"}: ${i.message}`).join("; ")}` };
  return { code: "internal", message: "internal: the tool failed; nothing was released" };
}
