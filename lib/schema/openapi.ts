import { z } from "zod";
import { agentCreatedResponseSchema, agentCreateRequestSchema, agentListResponseSchema, agentRevokedResponseSchema, jsonRpcErrorSchema, jsonRpcRequestSchema, jsonRpcResponseSchema } from "./agents";
import { auditResponseSchema } from "./audit";
import { authErrorSchema, signInRequestSchema, signInResponseSchema, sessionResponseSchema, signOutResponseSchema } from "./auth";
import {
  memberRemovedResponseSchema,
  memberSetResponseSchema,
  shareListResponseSchema,
  tokenCreatedResponseSchema,
  tokenListResponseSchema,
  tokenRevokedResponseSchema,
  userCreatedResponseSchema,
  userListResponseSchema,
  userUpdatedResponseSchema,
  passwordLinkResponseSchema,
  userStatusResponseSchema,
  workspaceDeletedResponseSchema,
  accountLinkCheckResponseSchema,
  accountLinkRedeemedResponseSchema,
  workspaceCreatedResponseSchema,
  workspaceListResponseSchema, datasetPolicyResponseSchema, invitationAcceptedResponseSchema, invitationDeclinedResponseSchema, invitationListResponseSchema, memberInvitedResponseSchema } from "./admin";
import { bannerResultSchema, bannerSpecSchema } from "./banner";
import { benchmarkCompareRequestSchema, benchmarkCompareResultSchema } from "./benchmark";
import { crosstabSpecSchema } from "./crosstab-spec";
import { protectedCrosstabResponseSchema } from "./crosstab-protected";
import { dashboardDetailResponseSchema } from "./dashboard-tiles";
import { datasetListResponseSchema, datasetSchema, protectedDatasetSchema } from "./dataset";
import { derivedResponseSchema, derivedVariableSchema } from "./derived";
import { driversResponseSchema } from "./drivers";
import { ERROR_STATUS, errorCodeSchema, type ErrorCode } from "./errors";
import { insightsRequestSchema, insightsResponseSchema } from "./insights";
import { meResponseSchema, workspaceSwitchResponseSchema } from "./me";
import { npsResponseSchema } from "./nps";
import { OPERATIONS, type Tag } from "./openapi-paths";
import type { Access, JsonObject } from "./openapi-parts";
import { questionListResponseSchema } from "./question-list";
import { schemaEditsSchema } from "./schema-edits";
import { healthResponseSchema, openApiDocumentSchema } from "./system";
import {
  createDashboardSchema,
  createViewSchema,
  dashboardListResponseSchema,
  dashboardResponseSchema,
  viewListResponseSchema,
  viewResponseSchema,
} from "./views";
import { weightingSchemeSchema, weightsResponseSchema } from "./weighting";

/** The session cookie better-auth sets (`__Secure-` prefixed when the app is served over https). */
export const SESSION_COOKIE = "better-auth.session_token";

/**
 * Every component schema by name: answers as their output (what the wire carries), request
 * bodies as their input (what a client may send: defaults optional).
 */
const RESPONSES = {
  Health: healthResponseSchema,
  OpenApiDocument: openApiDocumentSchema,
  SignInResponse: signInResponseSchema,
  SessionResponse: sessionResponseSchema,
  SignOutResponse: signOutResponseSchema,
  AuthError: authErrorSchema,
  Me: meResponseSchema,
  WorkspaceSwitch: workspaceSwitchResponseSchema,
  Dataset: datasetSchema,
  DatasetShown: protectedDatasetSchema,
  DatasetList: datasetListResponseSchema,
  QuestionList: questionListResponseSchema,
  WeightsResult: weightsResponseSchema,
  DerivedResult: derivedResponseSchema,
  ShareList: shareListResponseSchema,
  ProtectedCrosstab: protectedCrosstabResponseSchema,
  BannerResult: bannerResultSchema,
  NpsResult: npsResponseSchema,
  InsightsResult: insightsResponseSchema,
  DriversResult: driversResponseSchema,
  BenchmarkCompareResult: benchmarkCompareResultSchema,
  AuditTrail: auditResponseSchema,
  WorkspaceList: workspaceListResponseSchema,
  WorkspaceCreated: workspaceCreatedResponseSchema,
  MemberSet: memberSetResponseSchema,
  MemberInvited: memberInvitedResponseSchema,
  InvitationList: invitationListResponseSchema,
  InvitationAccepted: invitationAcceptedResponseSchema,
  InvitationDeclined: invitationDeclinedResponseSchema,
  DatasetPolicy: datasetPolicyResponseSchema,
  MemberRemoved: memberRemovedResponseSchema,
  UserList: userListResponseSchema,
  UserCreated: userCreatedResponseSchema,
  UserUpdated: userUpdatedResponseSchema,
  PasswordLink: passwordLinkResponseSchema,
  UserStatus: userStatusResponseSchema,
  WorkspaceDeleted: workspaceDeletedResponseSchema,
  AccountLinkCheck: accountLinkCheckResponseSchema,
  AccountLinkRedeemed: accountLinkRedeemedResponseSchema,
  TokenList: tokenListResponseSchema,
  TokenCreated: tokenCreatedResponseSchema,
  TokenRevoked: tokenRevokedResponseSchema,
  ViewList: viewListResponseSchema,
  ViewResult: viewResponseSchema,
  DashboardList: dashboardListResponseSchema,
  DashboardResult: dashboardResponseSchema,
  DashboardDetail: dashboardDetailResponseSchema,
  AgentList: agentListResponseSchema,
  AgentCreated: agentCreatedResponseSchema,
  AgentRevoked: agentRevokedResponseSchema,
  JsonRpcResponse: jsonRpcResponseSchema,
  JsonRpcError: jsonRpcErrorSchema,
} satisfies Record<string, z.ZodType>;

const REQUESTS = {
  SignInRequest: signInRequestSchema,
  CrosstabSpec: crosstabSpecSchema,
  BannerSpec: bannerSpecSchema,
  BenchmarkCompareRequest: benchmarkCompareRequestSchema,
  InsightsRequest: insightsRequestSchema,
  SchemaEdits: schemaEditsSchema,
  DerivedVariable: derivedVariableSchema,
  WeightingScheme: weightingSchemeSchema,
  CreateView: createViewSchema,
  CreateDashboard: createDashboardSchema,
  CreateAgent: agentCreateRequestSchema,
  JsonRpcRequest: jsonRpcRequestSchema,
} satisfies Record<string, z.ZodType>;

/** The statuses errors answer with, 400…500, each with the codes it carries. */
const ERROR_STATUSES = [400, 401, 403, 404, 408, 409, 413, 415, 422, 429, 500];
const codesOf = (status: number): ErrorCode[] =>
  status === 408 ? ["bad_request"] : errorCodeSchema.options.filter((c) => ERROR_STATUS[c] === status || (status === 400 && c === "bad_request"));

function jsonSchema(s: z.ZodType, io: "input" | "output"): JsonObject {
  const out = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonObject;
  delete out.$schema;
  return out;
}

function errorSchema(status: number): JsonObject {
  const codes = codesOf(status) as [ErrorCode, ...ErrorCode[]];
  return jsonSchema(
    z.object({ error: z.object({ code: z.enum(codes), message: z.string(), details: z.unknown().optional() }) }).meta({ description: `the error envelope of a ${status} answer` }),
    "output",
  );
}

const SECURITY: Record<Access, JsonObject[]> = {
  public: [],
  session: [{ sessionCookie: [] }],
  any: [{ sessionCookie: [] }, { apiToken: [] }],
  agent: [{ agentToken: [] }],
};

const TAGS: Record<Tag, string> = {
  system: "Liveness and this document (public)",
  auth: "Signing in and out (better-auth)",
  account: "The caller and their workspaces",
  datasets: "Uploading, reading, editing and sharing datasets",
  analysis: "Breakdowns, banner tables, NPS, insights, key drivers and benchmark comparisons (small cells always hidden)",
  exports: "Tables, charts and respondent-level files",
  views: "Saved views (named analyses)",
  dashboards: "Dashboards of saved views, and their decks",
  admin: "Workspaces, members, users, API tokens, AI agent credentials and the audit trail (admins)",
  agents: "The MCP server (JSON-RPC over Streamable HTTP) for AI agent credentials: protected aggregates only",
};

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the zod schemas the routes respond
 * with (lib/server/respond.ts) and validate requests with (zod's JSON Schema output is draft
 * 2020-12, which OpenAPI 3.1 uses).
 *
 * @example
 * buildOpenApiDocument().paths["/api/datasets"].get.operationId // "listDatasets"
 */
export function buildOpenApiDocument() {
  const paths = Object.fromEntries(
    Object.entries(OPERATIONS).map(([path, methods]) => [
      path,
      Object.fromEntries(Object.entries(methods).map(([method, { access, ...operation }]) => [method, { ...operation, security: SECURITY[access] }])),
    ]),
  );
  return {
    openapi: "3.1.0" as const,
    info: {
      title: "Surveyscope API",
      version: "0.1.0",
      description:
        "Survey exports in, defensible segment statistics out. Every error answers with the envelope `{error:{code,message,details}}` (better-auth's `/api/auth/*` with its own `{message,code}`). Sign in with `POST /api/auth/sign-in/email` (session cookie; writes need a same-origin `Origin`) or send an API token as `Authorization: Bearer ssk_…`.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/", description: "the instance serving this document" }],
    security: SECURITY.any,
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: `better-auth's session cookie, set by POST /api/auth/sign-in/email (named __Secure-${SESSION_COOKIE} over https)`,
        },
        agentToken: { type: "http", scheme: "bearer", bearerFormat: "ssa_…", description: "an AI agent credential (`ssa_` + 32 random bytes in base64url) from POST /api/admin/agents; opens /api/mcp only" },
        apiToken: { type: "http", scheme: "bearer", bearerFormat: "ssk_…", description: "an API token (`ssk_` + 32 random bytes in base64url) from POST /api/admin/tokens, bound to one workspace and role" },
      },
      schemas: {
        ...Object.fromEntries(Object.entries(RESPONSES).map(([name, s]) => [name, jsonSchema(s, "output")])),
        ...Object.fromEntries(Object.entries(REQUESTS).map(([name, s]) => [name, jsonSchema(s, "input")])),
        ...Object.fromEntries(ERROR_STATUSES.map((s) => [`Error${s}`, errorSchema(s)])),
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
