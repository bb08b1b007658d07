/**
 * Building blocks of the OpenAPI document (lib/schema/openapi.ts): references to component
 * schemas, JSON/file/empty responses, the error envelope per status, and parameters.
 */

export type JsonObject = Record<string, unknown>;

/** Who may call an operation: anyone, a session cookie or an API token, or a browser session only. */
export type Access = "public" | "any" | "session" | "agent";

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A JSON answer whose body is the named component schema. */
export const json = (description: string, schema: string) => ({ description, content: { "application/json": { schema: ref(schema) } } });

/** A file answer (the body is the file's bytes, in one of the given media types). */
export const file = (description: string, ...types: string[]) => ({
  description,
  content: Object.fromEntries(types.map((t) => [t, { schema: { type: "string", contentMediaType: t } }])),
});

/** An answer without a body. */
export const empty = (description: string) => ({ description });

const ERROR_TEXT: Record<number, string> = {
  400: "bad request (malformed JSON, an unknown option, an aborted upload)",
  401: "no valid session cookie or API token",
  403: "the caller's role may not do this, a cross-origin write with a cookie, or a release withheld by the differencing guard",
  404: "not found, or not visible to the caller's workspace (the two answer alike)",
  408: "the upload stalled or did not finish in time; nothing was imported",
  406: "the Accept header must allow application/json and text/event-stream (MCP)",
  409: "conflicts with the current state",
  413: "the body is too large",
  415: "a compressed or binary body",
  422: "the request does not validate (the message names the field), or the file cannot be imported",
  429: "too many requests: the per-user query budget or upload slots are used up (Retry-After tells when to retry)",
  500: "internal error (logged; nothing is revealed)",
};

/** The error envelope for each status, its `code` narrowed to the codes that status carries. */
export const errors = (...statuses: number[]) =>
  Object.fromEntries([...statuses, 500].map((s) => [String(s), { description: ERROR_TEXT[s] ?? "error", content: { "application/json": { schema: ref(`Error${s}`) } } }]));

/** better-auth's own error answers (`/api/auth/*`): `{message, code}`, not the app's envelope. */
export const authErrors = (...statuses: number[]) =>
  Object.fromEntries([...statuses, 500].map((s) => [String(s), { description: ERROR_TEXT[s] ?? "error", content: { "application/json": { schema: ref("AuthError") } } }]));

/** The MCP endpoint's error answers: JSON-RPC error objects, not the app's envelope. */
export const rpcErrors = (...statuses: number[]) =>
  Object.fromEntries([...statuses, 500].map((s) => [String(s), { description: ERROR_TEXT[s] ?? "error", content: { "application/json": { schema: ref("JsonRpcError") } } }]));

/** Statuses every signed-in operation can answer with. */
export const AUTH = [401, 403] as const;
/** Statuses of a JSON request body (malformed, too large, invalid). */
export const BODY = [400, 413, 422] as const;

export const jsonBody = (schema: string | JsonObject, description?: string) => ({
  required: true,
  ...(description ? { description } : {}),
  content: { "application/json": { schema: typeof schema === "string" ? ref(schema) : schema } },
});

const DATASET_ID = { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,63}$" };

export const datasetId = { name: "id", in: "path", required: true, description: "dataset id", schema: DATASET_ID };
export const viewId = { name: "id", in: "path", required: true, description: "saved view id", schema: { type: "string", pattern: "^v-[a-f0-9]{16}$" } };
export const dashboardId = { name: "id", in: "path", required: true, description: "dashboard id", schema: { type: "string", pattern: "^d-[a-f0-9]{16}$" } };
export const invitationId = { name: "id", in: "path", required: true, description: "invitation id", schema: { type: "string", maxLength: 100 } };
export const userId = { name: "id", in: "path", required: true, description: "user id", schema: { type: "string", maxLength: 100 } };
export const workspaceId = { name: "id", in: "path", required: true, description: "workspace id", schema: { type: "string", maxLength: 100 } };

export const query = (name: string, schema: JsonObject, description?: string, required = false) => ({
  name,
  in: "query",
  ...(required ? { required: true } : {}),
  ...(description ? { description } : {}),
  schema,
});

/** An object schema written inline (request bodies whose zod schema lives with its route or service). */
export const object = (properties: Record<string, JsonObject>, required: string[] = []) => ({
  type: "object",
  properties,
  ...(required.length ? { required } : {}),
});
