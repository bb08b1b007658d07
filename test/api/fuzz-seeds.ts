import { z } from "zod";
import { driversRequestSchema } from "@/lib/insights/drivers-request";
import { insightsRequestSchema } from "@/lib/insights/types";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import { derivedVariableSchema } from "@/lib/schema/derived";
import { schemaEditsSchema } from "@/lib/schema/schema-edits";
import { weightingSchemeSchema } from "@/lib/schema/weighting";
import type { JsonSchema } from "./fuzz-values";

const toJson = (s: z.ZodType) => z.toJSONSchema(s, { io: "input", unrepresentable: "any" }) as JsonSchema;

/**
 * Request bodies the OpenAPI document does not (yet) describe, from the zod schemas their routes
 * parse with. The document wins where it describes a body.
 */
export const FALLBACK_BODIES: Record<string, () => JsonSchema> = {
  "POST /api/datasets/{id}/nps": () => toJson(crosstabSpecSchema),
  "POST /api/datasets/{id}/insights": () => toJson(insightsRequestSchema),
  "POST /api/datasets/{id}/drivers": () => toJson(driversRequestSchema),
  "POST /api/datasets/{id}/derived": () => toJson(derivedVariableSchema),
  "PUT /api/datasets/{id}/questions": () => toJson(schemaEditsSchema),
  "POST /api/datasets/{id}/weights": () => toJson(z.object({ name: z.string(), scheme: weightingSchemeSchema, preview: z.boolean().optional() })),
  "POST /api/datasets/{id}/respondents/export": () =>
    toJson(z.object({ columns: z.array(z.string()), filters: z.record(z.string(), z.array(z.string())).optional(), quasiIdentifiers: z.array(z.string()).optional() })),
  "POST /api/admin/users": () => toJson(z.object({ email: z.string(), name: z.string().optional(), password: z.string().optional(), role: z.string(), workspaceId: z.string().optional() })),
  "PATCH /api/admin/users": () => toJson(z.object({ email: z.string(), password: z.string().optional(), role: z.string().optional(), workspaceId: z.string().optional() })),
  "POST /api/admin/tokens": () => toJson(z.object({ email: z.string(), role: z.string(), workspaceId: z.string().optional() })),
  "POST /api/admin/workspaces": () => toJson(z.object({ name: z.string() })),
  "POST /api/admin/workspaces/{id}/members": () => toJson(z.object({ email: z.string(), role: z.string() })),
  "POST /api/me/workspace": () => toJson(z.object({ workspaceId: z.string() })),
};

const spec = { outcome: "rolled_back", outcome_category: "Yes", segment: "country", weight: "weight", filters: { maturity: ["Early", "Mature"] } };

/**
 * One structurally and semantically valid body per operation over the seeded dataset; the fuzzer
 * replaces, removes or adds fields of it (one to three at a time).
 */
export function validBodies(other: { email: string; workspaceId: string; viewId: string }): Record<string, unknown[]> {
  return {
    "POST /api/datasets/{id}/crosstab": [spec, { outcome: "age", statistic: "mean", segment: "maturity", filters: { country: "Atlantis" } }],
    "POST /api/datasets/{id}/crosstab/export": [spec],
    "POST /api/datasets/{id}/banner": [{ outcome: "maturity", segments: ["country", "rolled_back"], weight: "weight", filters: { rolled_back: ["Yes"] }, sig: "holm" }],
    "POST /api/datasets/{id}/banner/export": [{ outcome: "recommend", segments: ["country"], categories: ["9", "10"] }],
    "POST /api/datasets/{id}/benchmark-compare": [{ benchmarkId: "sinch-rollback-fully-mature", column: "Atlantis", spec }],
    "POST /api/datasets/{id}/nps": [{ outcome: "recommend", segment: "country", weight: "weight" }],
    "POST /api/datasets/{id}/insights": [{ outcome: "rolled_back", outcome_category: "Yes", weight: "weight", min_effective_n: 2 }],
    "POST /api/datasets/{id}/drivers": [
      { outcome: "rolled_back", outcome_category: "Yes", predictors: ["country", "maturity", "age"], weight: "weight", reference_levels: { country: "Atlantis" } },
      { model: "linear", outcome: "age", predictors: ["country"] },
    ],
    "POST /api/datasets/{id}/derived": [{ id: "live_or_not", label: "Live", source: "maturity", groups: [{ code: "Yes", from: ["Mature"] }, { code: "No", from: ["Early", "Developing"] }] }],
    "PUT /api/datasets/{id}/questions": [
      { questions: [{ id: "maturity", type: "ordinal", optionOrder: ["Early", "Developing", "Mature"], missingCodes: ["Mature"] }] },
      { rules: [{ kind: "missing-labels", labels: ["Mature", "Atlantis"] }, { kind: "scale-order", labels: ["Mature", "Developing", "Early"], ordinal: true }], defaultWeight: "weight" },
      { questions: [{ id: "recommend", type: "ordinal", optionLabels: { "0": "Not at all likely", "10": "Extremely likely" }, optionOrder: ["0", "10"] }], defaultWeight: null },
    ],
    "POST /api/datasets/{id}/weights": [
      { name: "rake", preview: true, scheme: { method: "rake", targets: { country: { Atlantis: 0.3, Borduria: 0.3, Carpathia: 0.4 } }, bounds: { ratio: 4 } } },
      { name: "cell", preview: true, scheme: { method: "cell", cells: [{ match: { rolled_back: "Yes" }, share: 0.5 }, { match: { rolled_back: "No" }, share: 0.5 }], base_weight: "weight" } },
      { name: "group", preview: true, scheme: { method: "group", by: "maturity", groups: [{ value: "Early", share: 0.5, scheme: { method: "rake", targets: { country: { Atlantis: 1 } } } }] } },
    ],
    "POST /api/datasets/{id}/respondents/export": [{ columns: ["country", "age"], filters: { maturity: ["Early"] }, quasiIdentifiers: ["country"] }],
    "POST /api/datasets/{id}/shares": [{ workspace: other.workspaceId, email: other.email }],
    "POST /api/views": [{ datasetId: "fuzz", name: "v", query: "outcome=rolled_back&category=Yes&segment=country&weight=weight&f.maturity=Early" }],
    "POST /api/dashboards": [{ name: "d", description: "x", tiles: [{ viewId: other.viewId, size: "full" }] }],
    "PUT /api/dashboards/{id}": [{ name: "d2", tiles: [{ viewId: other.viewId }] }],
    "POST /api/admin/users": [{ email: "new@fuzz.test", password: "a-long-password-1", role: "analyst" }, { email: "invited@fuzz.test", role: "viewer" }],
    "POST /api/admin/users/{id}/password-link": [{}],
    "PUT /api/admin/users/{id}/status": [{ active: true }],
    "DELETE /api/admin/workspaces/{id}": [{ confirm: "fuzz ws" }],
    "POST /api/account-links/check": [{ token: "sal_unknown" }],
    "POST /api/account-links/redeem": [{ token: "sal_unknown", password: "a-long-password-1" }],
    "PATCH /api/admin/users": [{ email: other.email, role: "researcher" }],
    "POST /api/admin/tokens": [{ email: other.email, role: "viewer" }],
    "POST /api/admin/workspaces": [{ name: "fuzz ws" }],
    "POST /api/admin/workspaces/{id}/members": [{ email: other.email, role: "analyst" }],
    "POST /api/me/workspace": [{ workspaceId: other.workspaceId }],
    "POST /api/admin/agents": [{ name: "fuzz agent", datasets: ["fuzz"], tools: ["crosstab", "banner"], expiresInDays: 7, budget: 50 }],
    "POST /api/mcp": [
      { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "fuzz", version: "1" } } },
      { jsonrpc: "2.0", id: 2, method: "tools/list", params: {} },
      ...[
        { name: "crosstab", arguments: { dataset: "fuzz", ...spec } },
        { name: "banner", arguments: { dataset: "fuzz", outcome: "rolled_back", segments: ["country", "maturity"], weight: "weight" } },
        { name: "key_drivers", arguments: { dataset: "fuzz", outcome: "rolled_back", outcome_category: "Yes", predictors: ["country", "maturity"] } },
        { name: "compare_to_benchmark", arguments: { dataset: "fuzz", benchmarkId: "sinch-rollback-all", outcome: "rolled_back", outcome_category: "Yes", segment: "country" } },
        { name: "describe_dataset", arguments: { dataset: "fuzz" } },
        { name: "read_dashboard", arguments: {} },
        { name: "list_datasets", arguments: {} },
      ].map((params, i) => ({ jsonrpc: "2.0", id: 3 + i, method: "tools/call", params })),
    ],
  };
}
