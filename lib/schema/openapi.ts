import { z } from "zod";
import { bannerResultSchema, bannerSpecSchema } from "./banner";
import { benchmarkCompareRequestSchema, benchmarkCompareResultSchema } from "./benchmark";
import { crosstabResultSchema } from "./crosstab-result";
import { crosstabSpecSchema } from "./crosstab-spec";
import { datasetSchema, datasetSummarySchema } from "./dataset";
import { errorEnvelopeSchema } from "./errors";
import { createDashboardSchema, createViewSchema, dashboardSchema, savedViewSchema } from "./views";

type JsonSchema = Record<string, unknown>;

function schema(s: z.ZodType, io: "input" | "output" = "output"): JsonSchema {
  const out = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete out.$schema;
  return out;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonBody = (name: string) => ({ content: { "application/json": { schema: ref(name) } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: "error envelope", ...jsonBody("Error") }]));
const viewIdParam = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^v-[a-f0-9]{16}$" } };
const dashboardIdParam = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^d-[a-f0-9]{16}$" } };
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,63}$" } };

/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the same zod schemas the routes
 * validate with (zod's JSON Schema output is draft 2020-12, which OpenAPI 3.1 uses).
 *
 * @example
 * buildOpenApiDocument().paths["/api/datasets"].get
 */
export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Surveyscope API",
      version: "0.1.0",
      description: "Survey exports in, defensible segment statistics out. Every error answers with the envelope `{error:{code,message,details}}`.",
    },
    paths: {
      "/api/health": {
        get: { summary: "Liveness and store readiness", responses: { "200": { description: "ok" } } },
      },
      "/api/datasets": {
        get: {
          summary: "List datasets (latest version of each)",
          responses: {
            "200": {
              description: "datasets",
              content: { "application/json": { schema: { type: "object", properties: { datasets: { type: "array", items: ref("DatasetSummary") } } } } },
            },
          },
        },
        post: {
          summary: "Upload a survey export (raw file body, streamed); atomic",
          parameters: [
            { name: "name", in: "query", required: true, schema: { type: "string", minLength: 1, maxLength: 200 } },
            { name: "fileName", in: "query", schema: { type: "string" } },
            { name: "encoding", in: "query", schema: { type: "string" }, description: "explicit encoding, e.g. windows-1252" },
            { name: "format", in: "query", schema: { type: "string" }, description: "force a dialect instead of detecting it" },
          ],
          requestBody: { required: true, content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          responses: {
            "201": { description: "the stored dataset", ...jsonBody("Dataset") },
            "200": { description: "with Accept: application/x-ndjson — progress events then done/error", content: { "application/x-ndjson": {} } },
            ...errors(413, 415, 422),
          },
        },
      },
      "/api/datasets/{id}": {
        get: { summary: "One dataset with its question model", parameters: [idParam], responses: { "200": { description: "dataset", ...jsonBody("Dataset") }, ...errors(404) } },
        delete: { summary: "Delete a dataset and its data", parameters: [idParam], responses: { "204": { description: "deleted" }, ...errors(404) } },
      },
      "/api/datasets/{id}/crosstab": {
        post: {
          summary: "Segment breakdown with survey statistics (matches R survey)",
          parameters: [idParam],
          requestBody: { required: true, ...jsonBody("CrosstabSpec") },
          responses: { "200": { description: "crosstab", ...jsonBody("CrosstabResult") }, ...errors(404, 422) },
        },
      },
      "/api/datasets/{id}/crosstab/export": {
        post: {
          summary: "The breakdown as a file (small cells hidden): CSV (UTF-8 BOM, formula-safe), XLSX or SVG",
          parameters: [idParam, { name: "format", in: "query", schema: { type: "string", enum: ["csv", "xlsx", "svg", "png", "pptx"] } }, { name: "sig", in: "query", schema: { type: "string", enum: ["none", "holm", "bonferroni"] } }],
          requestBody: { required: true, ...jsonBody("CrosstabSpec") },
          responses: { "200": { description: "the file" }, ...errors(401, 403, 404, 422) },
        },
      },
      "/api/datasets/{id}/banner": {
        post: {
          summary: "Banner table: every answer of an outcome (rows) by the Total and one or more segment questions (column groups), with bases, intervals and significance letters within each group; small cells hidden",
          parameters: [idParam],
          requestBody: { required: true, ...jsonBody("BannerSpec") },
          responses: { "200": { description: "banner table", ...jsonBody("BannerResult") }, ...errors(401, 403, 404, 422) },
        },
      },
      "/api/datasets/{id}/banner/export": {
        post: {
          summary:
            "The banner table or its chart as a file (small cells hidden, never drawn): CSV (UTF-8 BOM, formula-safe), formatted XLSX with letters, bases and notes, the chart as SVG (allow-listed elements, no script) or PNG, or a two-slide PPTX (chart image, then the table as a native table with letters and bases)",
          parameters: [
            idParam,
            { name: "format", in: "query", schema: { type: "string", enum: ["csv", "xlsx", "svg", "png", "pptx"], default: "csv" } },
            {
              name: "chart",
              in: "query",
              description: "svg/png/pptx: bars = one answer in the Total and every column; stacked / stacked100 = every answer per column (single-choice or scale outcomes); diverging = a Likert scale. Default: diverging, else stacked100, else bars. 400 when the chart does not suit the outcome.",
              schema: { type: "string", enum: ["bars", "stacked", "stacked100", "diverging"] },
            },
            { name: "row", in: "query", description: "chart=bars: the banner row id (\"r0\", …) to draw; default the first row", schema: { type: "string" } },
          ],
          requestBody: { required: true, ...jsonBody("BannerSpec") },
          responses: { "200": { description: "the file" }, ...errors(400, 401, 403, 404, 422) },
        },
      },
      "/api/datasets/{id}/benchmark-compare": {
        post: {
          summary: "One published benchmark share against the same share in this dataset (Total or a segment level): both margins of error, difference, z test; small cells refused",
          parameters: [idParam],
          requestBody: { required: true, ...jsonBody("BenchmarkCompareRequest") },
          responses: { "200": { description: "comparison", ...jsonBody("BenchmarkCompareResult") }, ...errors(401, 403, 404, 422) },
        },
      },
      "/api/datasets/{id}/nps": {
        post: { summary: "Net Promoter Score of a 0–10 question by segment, with design-based intervals", parameters: [idParam], responses: { "200": { description: "NPS by segment" }, ...errors(401, 403, 404, 422) } },
      },
      "/api/datasets/{id}/questions": {
        put: { summary: "Save schema-review edits as a new version", parameters: [idParam], responses: { "200": { description: "the new version", ...jsonBody("Dataset") }, ...errors(401, 403, 404, 422) } },
      },
      "/api/datasets/{id}/weights": {
        post: { summary: "Compute rim/cell/group weights; saves a new version with the weight unless preview", parameters: [idParam], responses: { "200": { description: "preview report" }, "201": { description: "saved" }, ...errors(401, 403, 404, 422) } },
      },
      "/api/datasets/{id}/derived": {
        post: { summary: "Add a derived variable (recode or NET declared as JSON) as a new version", parameters: [idParam], responses: { "201": { description: "saved" }, ...errors(401, 403, 404, 409, 422) } },
      },
      "/api/datasets/{id}/insights": {
        post: { summary: "Scan every segment question for differences in an outcome share (Benjamini–Hochberg controlled)", parameters: [idParam], responses: { "200": { description: "findings" }, ...errors(401, 403, 404, 422) } },
      },
      "/api/datasets/{id}/drivers": {
        post: { summary: "Key drivers: survey-weighted regression (svyglm semantics) with odds ratios and R code", parameters: [idParam], responses: { "200": { description: "drivers" }, ...errors(401, 403, 404, 422) } },
      },
      "/api/datasets/{id}/respondents/export": {
        post: {
          summary: "Respondent-level CSV of a filtered segment (researchers and admins; direct identifiers admins only; row cap by role; audited)",
          parameters: [idParam],
          responses: { "200": { description: "CSV (x-rows-truncated tells whether the cap applied)" }, ...errors(401, 403, 404, 422) },
        },
      },
      "/api/audit": {
        get: {
          summary: "The workspace's audit trail (admins): hash-chained, with verification; ?format=csv to download",
          parameters: [
            { name: "action", in: "query", schema: { type: "string" } },
            { name: "actor", in: "query", schema: { type: "string" } },
            { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv"] } },
          ],
          responses: { "200": { description: "records and chain status" }, ...errors(401, 403) },
        },
      },
      "/api/datasets/{id}/shares": {
        get: { summary: "Who the dataset is shared with (admins of the owning workspace)", parameters: [idParam], responses: { "200": { description: "shares" }, ...errors(401, 403, 404) } },
        post: {
          summary: "Share the dataset (read and aggregate analysis only) with another workspace or one of its members; audited",
          parameters: [idParam],
          requestBody: { required: true, content: { "application/json": { schema: { type: "object", required: ["workspace"], properties: { workspace: { type: "string", description: "id or name" }, email: { type: "string" } } } } } },
          responses: { "201": { description: "the dataset's shares" }, ...errors(401, 403, 404, 422) },
        },
        delete: {
          summary: "Stop sharing the dataset with a workspace (or one member)",
          parameters: [idParam, { name: "workspace", in: "query", required: true, schema: { type: "string" } }, { name: "email", in: "query", schema: { type: "string" } }],
          responses: { "200": { description: "the remaining shares" }, ...errors(401, 403, 404) },
        },
      },
      "/api/admin/workspaces": {
        get: { summary: "The workspaces the caller administers, with members (admins)", responses: { "200": { description: "workspaces" }, ...errors(401, 403) } },
        post: { summary: "Create a workspace {name}; the creator becomes its admin", responses: { "201": { description: "the workspace" }, ...errors(401, 403, 422) } },
      },
      "/api/admin/workspaces/{id}/members": {
        post: {
          summary: "Change a member's role {email, role} in a workspace the caller administers; a user not yet a member is invited (202, pending their consent) unless the caller is a platform admin (201, added)",
          parameters: [{ ...idParam, schema: { type: "string" } }],
          responses: { "200": { description: "updated" }, "201": { description: "added" }, "202": { description: "invited (pending)" }, ...errors(401, 403, 404, 409, 422) },
        },
        delete: { summary: "Remove a member (?email=) from the workspace", parameters: [{ ...idParam, schema: { type: "string" } }, { name: "email", in: "query", required: true, schema: { type: "string" } }], responses: { "200": { description: "removed" }, ...errors(401, 403, 404, 409) } },
      },
      "/api/admin/users": {
        get: { summary: "Members of the admin's workspace (?workspaceId= another one they administer)", responses: { "200": { description: "users" }, ...errors(401, 403, 404) } },
        post: { summary: "Create a user {email, password, role, workspaceId?}", responses: { "201": { description: "the user" }, ...errors(401, 403, 404, 409, 422) } },
        patch: { summary: "Reset a member's password (admin of every workspace they belong to, or a platform admin) and/or change their role", responses: { "200": { description: "updated" }, ...errors(401, 403, 404, 409, 422) } },
      },
      "/api/admin/tokens": {
        get: { summary: "API tokens of the admin's workspace", responses: { "200": { description: "tokens" }, ...errors(401, 403) } },
        post: { summary: "Create an API token {email, role, workspaceId?} (shown once; never above the member's role)", responses: { "201": { description: "the token" }, ...errors(401, 403, 404) } },
        delete: { summary: "Revoke a token (?id=)", responses: { "200": { description: "revoked" }, ...errors(401, 403, 404) } },
      },
      "/api/me": { get: { summary: "The caller and their workspaces", responses: { "200": { description: "viewer" }, ...errors(401) } } },
      "/api/me/invitations": { get: { summary: "The caller's pending invitations to workspaces", responses: { "200": { description: "invitations" }, ...errors(401) } } },
      "/api/me/invitations/{id}": {
        delete: { summary: "Decline one of the caller's invitations (signed-in session only)", parameters: [{ ...idParam, schema: { type: "string" } }], responses: { "200": { description: "declined" }, ...errors(400, 401, 404) } },
      },
      "/api/me/invitations/{id}/accept": {
        post: { summary: "Accept one of the caller's invitations: join the workspace with the invited role (signed-in session only)", parameters: [{ ...idParam, schema: { type: "string" } }], responses: { "200": { description: "joined" }, ...errors(400, 401, 404) } },
      },
      "/api/me/workspace": {
        post: { summary: "Switch the signed-in browser to another of the user's workspaces (sets the surveyscope_ws cookie)", responses: { "200": { description: "switched" }, ...errors(400, 401, 404, 422) } },
      },
      "/api/views": {
        get: {
          summary: "Saved views of the caller's workspace (analysts and up), newest first",
          parameters: [{ name: "dataset", in: "query", schema: { type: "string" }, description: "only views of this dataset" }],
          responses: { "200": { description: "views", content: { "application/json": { schema: { type: "object", properties: { views: { type: "array", items: ref("SavedView") } } } } } }, ...errors(401, 403) },
        },
        post: {
          summary: "Save the analyze page's state (its query string, validated and normalised) as a named view; audited",
          requestBody: { required: true, ...jsonBody("CreateView") },
          responses: { "201": { description: "the view", content: { "application/json": { schema: { type: "object", properties: { view: ref("SavedView") } } } } }, ...errors(401, 403, 404, 422) },
        },
      },
      "/api/views/{id}": {
        get: { summary: "One saved view (another workspace's answers 404)", parameters: [viewIdParam], responses: { "200": { description: "the view" }, ...errors(401, 403, 404) } },
        delete: { summary: "Delete a saved view (dashboards show its tile as deleted)", parameters: [viewIdParam], responses: { "204": { description: "deleted" }, ...errors(401, 403, 404) } },
      },
      "/api/dashboards": {
        get: {
          summary: "Dashboards of the caller's workspace (every role, viewers included)",
          responses: { "200": { description: "dashboards", content: { "application/json": { schema: { type: "object", properties: { dashboards: { type: "array", items: ref("Dashboard") } } } } } }, ...errors(401) },
        },
        post: { summary: "Create a dashboard (analysts and up); audited", requestBody: { required: true, ...jsonBody("CreateDashboard") }, responses: { "201": { description: "the dashboard" }, ...errors(401, 403, 422) } },
      },
      "/api/dashboards/{id}": {
        get: {
          summary: "A dashboard with its tiles computed for the caller (small-cell-protected aggregates only; deleted datasets as unavailable tiles); audited",
          parameters: [dashboardIdParam],
          responses: { "200": { description: "{ dashboard, tiles }" }, ...errors(401, 404) },
        },
        put: {
          summary: "Replace name, description and tiles (order and full/half width): the layout edit; audited",
          parameters: [dashboardIdParam],
          requestBody: { required: true, ...jsonBody("CreateDashboard") },
          responses: { "200": { description: "the dashboard" }, ...errors(401, 403, 404, 422) },
        },
        delete: { summary: "Delete a dashboard (its saved views stay)", parameters: [dashboardIdParam], responses: { "204": { description: "deleted" }, ...errors(401, 403, 404) } },
      },
      "/api/dashboards/{id}/deck": {
        get: {
          summary: "The dashboard as a PPTX deck: one slide per tile with title, chart, base note and source; audited",
          parameters: [dashboardIdParam],
          responses: { "200": { description: "application/vnd.openxmlformats-officedocument.presentationml.presentation" }, ...errors(401, 404) },
        },
      },
      "/api/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1" } } } },
    },
    components: {
      schemas: {
        Error: schema(errorEnvelopeSchema),
        Dataset: schema(datasetSchema),
        DatasetSummary: schema(datasetSummarySchema),
        CrosstabSpec: schema(crosstabSpecSchema, "input"),
        CrosstabResult: schema(crosstabResultSchema),
        BannerSpec: schema(bannerSpecSchema, "input"),
        BannerResult: schema(bannerResultSchema),
        SavedView: schema(savedViewSchema),
        CreateView: schema(createViewSchema, "input"),
        Dashboard: schema(dashboardSchema),
        CreateDashboard: schema(createDashboardSchema, "input"),
        BenchmarkCompareRequest: schema(benchmarkCompareRequestSchema, "input"),
        BenchmarkCompareResult: schema(benchmarkCompareResultSchema),
      },
    },
  };
}
