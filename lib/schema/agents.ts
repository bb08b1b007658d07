import { z } from "zod";

/**
 * Agent credentials (issue 20): the MCP tools an agent may be granted, the admin's create request
 * and the credential as the admin API and page show it (never the token, which is shown once).
 *
 * @example agentCreateRequestSchema.parse({ name: "Board assistant", datasets: ["sinch-demo"], tools: ["crosstab"], expiresInDays: 30, budget: 200 })
 */
export const MCP_TOOL_NAMES = ["list_datasets", "describe_dataset", "crosstab", "banner", "key_drivers", "compare_to_benchmark", "list_benchmarks", "read_dashboard"] as const;
export const mcpToolNameSchema = z.enum(MCP_TOOL_NAMES);
export type McpToolName = z.infer<typeof mcpToolNameSchema>;

/** An agent token: `ssa_` + 32 random bytes (base64url); only its SHA-256 is stored. */
export const AGENT_TOKEN_PREFIX = "ssa_";
export const agentTokenSchema = z.string().regex(/^ssa_[A-Za-z0-9_-]{43}$/);

export const agentCreateRequestSchema = z.object({
  name: z.string().trim().min(1, "name: required").max(100),
  datasets: z.array(z.string().trim().min(1).max(200)).min(1, "datasets: grant at least one dataset").max(100),
  tools: z.array(mcpToolNameSchema).min(1, "tools: grant at least one tool").max(MCP_TOOL_NAMES.length),
  /** days until the credential expires (1 to 365) */
  expiresInDays: z.number().int().min(1).max(365),
  /** tool calls the credential may make in its lifetime */
  budget: z.number().int().min(1).max(1_000_000),
  /** another workspace the signed-in admin administers (default: the current one) */
  workspaceId: z.string().trim().min(1).max(100).optional(),
});
export type AgentCreateRequest = z.infer<typeof agentCreateRequestSchema>;

export const agentStatusSchema = z.enum(["active", "expired", "revoked", "exhausted"]);

export const agentCredentialSchema = z.object({
  id: z.string(),
  name: z.string(),
  workspaceId: z.string(),
  sponsor: z.object({ id: z.string(), email: z.string() }),
  datasets: z.array(z.string()),
  tools: z.array(mcpToolNameSchema),
  expiresAt: z.string(),
  budget: z.object({ total: z.number().int(), used: z.number().int(), left: z.number().int() }),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: agentStatusSchema,
});
export type AgentCredentialInfo = z.infer<typeof agentCredentialSchema>;

export const agentListResponseSchema = z.object({ agents: z.array(agentCredentialSchema) });
/** the token is in this answer only */
export const agentCreatedResponseSchema = z.object({ agent: agentCredentialSchema, token: agentTokenSchema, mcpUrl: z.string() });
export const agentRevokedResponseSchema = z.object({ revoked: z.string() });

/** A JSON-RPC 2.0 message to the MCP endpoint (one message; the MCP methods are the SDK's). */
export const jsonRpcRequestSchema = z.looseObject({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.string(), z.number()]).optional(),
  method: z.string(),
  params: z.looseObject({}).optional(),
});

/** A JSON-RPC error object: `data.code` is the app's code (unauthorized, not_found, invalid_arguments, unknown_tool, forbidden, rate_limited…). */
export const jsonRpcErrorSchema = z.object({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.string(), z.number(), z.null()]),
  error: z.object({ code: z.number().int(), message: z.string(), data: z.looseObject({ code: z.string() }).optional() }),
});

/** A JSON-RPC response of the MCP endpoint: a result, or an error object. */
export const jsonRpcResponseSchema = z.union([z.looseObject({ jsonrpc: z.literal("2.0"), id: z.union([z.string(), z.number()]), result: z.looseObject({}) }), jsonRpcErrorSchema]);
