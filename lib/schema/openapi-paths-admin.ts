import { AUTH, BODY, rpcErrors, empty, errors, json, jsonBody, object, query, userId, workspaceId } from "./openapi-parts";
import { op, type Operation } from "./openapi-op";

/**
 * The administration part of the HTTP API: the audit trail, users, workspaces, one-time account
 * links, API tokens, AI agent credentials and the MCP endpoint (merged into OPERATIONS).
 */

const CSV = "text/csv";
const email = { type: "string", format: "email" };
const role = { type: "string", enum: ["admin", "researcher", "analyst", "viewer"] };

export const ADMIN_OPERATIONS: Record<string, Record<string, Operation>> = {
  "/api/audit": {
    get: op("any", "admin", "getAuditTrail", "The workspace's audit trail (admins), newest first, 100 records per page: hash-chained, with verification; format=csv to download", {
      parameters: [
        query("action", { type: "string" }),
        query("actor", { type: "string" }, "actor email"),
        query("from", { type: "string", format: "date" }, "first day (UTC)"),
        query("to", { type: "string", format: "date" }, "last day (UTC, inclusive)"),
        query("before", { type: "integer", minimum: 1 }, "paging cursor: the nextBefore of the previous page"),
        query("format", { type: "string", enum: ["json", "csv"], default: "json" }),
      ],
      responses: { "200": { description: "records and the chain's status (or the CSV)", content: { ...json("", "AuditTrail").content, [CSV]: { schema: { type: "string" } } } }, ...errors(...AUTH, 422) },
    }),
  },
  "/api/admin/workspaces": {
    get: op("any", "admin", "listWorkspaces", "The workspaces the caller administers, with their members", { responses: { "200": json("workspaces", "WorkspaceList"), ...errors(...AUTH) } }),
    post: op("any", "admin", "createWorkspace", "Create a workspace; the creator becomes its admin", {
      requestBody: jsonBody(object({ name: { type: "string", minLength: 1, maxLength: 100 } }, ["name"])),
      responses: { "201": json("the workspace", "WorkspaceCreated"), ...errors(...AUTH, ...BODY) },
    }),
  },
  "/api/admin/workspaces/{id}": {
    delete: op("session", "admin", "deleteWorkspace", "Delete a workspace with its datasets, views, dashboards, memberships, invitations, tokens and release histories (one transaction; audited)", {
      parameters: [workspaceId],
      requestBody: jsonBody(object({ confirm: { type: "string", maxLength: 200, description: "the workspace's name, typed" } }, ["confirm"])),
      description: "A signed-in admin of the workspace only (an API token: 403). The Default workspace and the caller's current workspace are refused (409); a workspace the caller does not administer answers 404.",
      responses: { "200": json("deleted", "WorkspaceDeleted"), ...errors(...AUTH, ...BODY, 404, 409) },
    }),
  },
  "/api/admin/workspaces/{id}/members": {
    post: op("any", "admin", "setWorkspaceMember", "Add an existing user to a workspace the caller administers, or change their role", {
      parameters: [workspaceId],
      requestBody: jsonBody(object({ email, role }, ["email", "role"])),
      description: "A user who is not yet a member is invited (202) and joins only by accepting in their own session, unless the caller is a platform admin (201, added at once).",
      responses: { "200": json("role changed", "MemberSet"), "201": json("added", "MemberSet"), "202": json("invited, pending the user's consent", "MemberInvited"), ...errors(...AUTH, ...BODY, 404, 409) },
    }),
    delete: op("any", "admin", "removeWorkspaceMember", "Remove a member from the workspace", {
      parameters: [workspaceId, query("email", email, undefined, true)],
      responses: { "200": json("removed", "MemberRemoved"), ...errors(...AUTH, 404, 409, 422) },
    }),
  },
  "/api/admin/users": {
    get: op("any", "admin", "listUsers", "Members of the admin's workspace (workspaceId: another one they administer)", {
      parameters: [query("workspaceId", { type: "string" })],
      responses: { "200": json("users", "UserList"), ...errors(...AUTH, 404) },
    }),
    post: op("any", "admin", "createUser", "Create a user with a role, with a password or (none given) a one-time invitation link where they set it", {
      requestBody: jsonBody(object({ email, name: { type: "string", maxLength: 200 }, password: { type: "string", minLength: 12, maxLength: 128 }, role, workspaceId: { type: "string" } }, ["email", "role"])),
      responses: { "201": json("the user", "UserCreated"), ...errors(...AUTH, ...BODY, 404, 409) },
    }),
    patch: op("any", "admin", "updateUser", "Reset a member's password (revokes their sessions) and/or change their role", {
      requestBody: jsonBody(object({ email, password: { type: "string", minLength: 12, maxLength: 128 }, role, workspaceId: { type: "string" } }, ["email"])),
      responses: { "200": json("updated", "UserUpdated"), ...errors(...AUTH, ...BODY, 404, 409) },
    }),
  },
  "/api/admin/users/{id}/password-link": {
    post: op("any", "admin", "createPasswordLink", "A one-time link (24 h) where the user sets a new password; their sessions are revoked when they do (audited)", {
      parameters: [userId],
      requestBody: jsonBody(object({ workspaceId: { type: "string" } }, [])),
      description: "Needs admin of every workspace the user belongs to, or a platform admin (403). A user outside the caller's workspace answers 404.",
      responses: { "201": json("the link, in this answer only", "PasswordLink"), ...errors(...AUTH, ...BODY, 404) },
    }),
  },
  "/api/admin/users/{id}/status": {
    put: op("any", "admin", "setUserStatus", "Deactivate (sessions revoked, sign-in and tokens refused, data kept) or reactivate an account (audited)", {
      parameters: [userId],
      requestBody: jsonBody(object({ active: { type: "boolean" }, workspaceId: { type: "string" } }, ["active"])),
      description: "Needs admin of every workspace the user belongs to, or a platform admin (403). A user outside the caller's workspace answers 404; deactivating yourself 409.",
      responses: { "200": json("the account's state", "UserStatus"), ...errors(...AUTH, ...BODY, 404, 409) },
    }),
  },
  "/api/account-links/check": {
    post: op("public", "account", "checkAccountLink", "Whether a one-time account link can still be used (says nothing about any account)", {
      requestBody: jsonBody(object({ token: { type: "string", maxLength: 200 } }, ["token"])),
      responses: { "200": json("usable or not", "AccountLinkCheck"), ...errors(...BODY) },
    }),
  },
  "/api/account-links/redeem": {
    post: op("public", "account", "redeemAccountLink", "Use a one-time account link to set the account's password (single use; audited)", {
      requestBody: jsonBody(object({ token: { type: "string", maxLength: 200 }, password: { type: "string", minLength: 12, maxLength: 128 } }, ["token", "password"])),
      description: "An unknown, used or expired link answers one and the same 400.",
      responses: { "200": json("the password is set", "AccountLinkRedeemed"), ...errors(...BODY) },
    }),
  },
  "/api/admin/tokens": {
    get: op("any", "admin", "listApiTokens", "API tokens of the admin's workspace", { responses: { "200": json("tokens (never the secret)", "TokenList"), ...errors(...AUTH) } }),
    post: op("any", "admin", "createApiToken", "Create an API token for a member (shown once; never above the member's role)", {
      requestBody: jsonBody(object({ email, role, workspaceId: { type: "string" } }, ["email", "role"])),
      responses: { "201": json("the token, in this answer only", "TokenCreated"), ...errors(...AUTH, ...BODY, 404) },
    }),
    delete: op("any", "admin", "revokeApiToken", "Revoke a token", { parameters: [query("id", { type: "string" }, "token id", true)], responses: { "200": json("revoked", "TokenRevoked"), ...errors(...AUTH, 404) } }),
  },
  "/api/admin/agents": {
    get: op("any", "admin", "listAgents", "AI agent credentials of the admin's workspace: scope, status, sponsor, last use, budget left", { responses: { "200": json("agents (never the token)", "AgentList"), ...errors(...AUTH) } }),
    post: op("any", "admin", "createAgent", "Create an AI agent credential (token shown once) bound to the workspace, datasets, tools, an expiry and a query budget; the caller is its sponsor", {
      requestBody: jsonBody("CreateAgent"),
      responses: { "201": json("the credential and its token, in this answer only", "AgentCreated"), ...errors(...AUTH, ...BODY, 404) },
    }),
    delete: op("any", "admin", "revokeAgent", "Revoke an agent credential at once", { parameters: [query("id", { type: "string" }, "agent id", true)], responses: { "200": json("revoked", "AgentRevoked"), ...errors(...AUTH, 404) } }),
  },
  "/api/mcp": {
    post: op("agent", "agents", "postMcpMessage", "The MCP server (Streamable HTTP, stateless, JSON answers): initialize, tools/list, tools/call", {
      description:
        "JSON-RPC 2.0 messages of the Model Context Protocol, with `Authorization: Bearer ssa_…` (an agent credential; session cookies and API tokens are refused) and `Accept: application/json, text/event-stream`. Tools: list_datasets, describe_dataset, crosstab, banner, key_drivers, compare_to_benchmark, list_benchmarks, read_dashboard — each answers `structuredContent` (the same JSON as the API plus base, interval, weighting and caveats) and a text rendering that quotes survey text inside a fenced data block. Refusals are JSON-RPC errors with `data: {code, message}`. GET and DELETE answer 405: there is no session and no server-initiated stream.",
      requestBody: jsonBody("JsonRpcRequest"),
      responses: { "200": json("the JSON-RPC response (a result or an error object)", "JsonRpcResponse"), "202": empty("a notification was accepted"), ...rpcErrors(400, 401, 406, 413, 415) },
    }),
  },
};
