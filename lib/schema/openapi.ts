import { z } from "zod";
import { crosstabResultSchema } from "./crosstab-result";
import { crosstabSpecSchema } from "./crosstab-spec";
import { datasetSchema, datasetSummarySchema } from "./dataset";
import { errorEnvelopeSchema } from "./errors";

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
      "/api/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1" } } } },
    },
    components: {
      schemas: {
        Error: schema(errorEnvelopeSchema),
        Dataset: schema(datasetSchema),
        DatasetSummary: schema(datasetSummarySchema),
        CrosstabSpec: schema(crosstabSpecSchema, "input"),
        CrosstabResult: schema(crosstabResultSchema),
      },
    },
  };
}
