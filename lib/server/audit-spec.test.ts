// Hole 5 of issue 16: a breakdown, banner, weighting, drivers, insights, NPS, derived-variable or
// schema-edit request is audited with its spec (what was computed, on which population), not
// only its method and version.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/identity";

const viewer: Viewer = { userId: "u1", email: "ana@example.org", workspaceId: "default", role: "analyst", via: "session" };
const records: { action: string; detail?: Record<string, unknown> }[] = [];

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/navigation", () => ({ notFound: () => {}, redirect: () => {} }));
vi.mock("@/lib/auth/viewer", () => ({ requireViewer: async () => viewer, datasetAccess: async () => "owner", canSeeDataset: async () => true, getViewerFromHeaders: async () => viewer }));
vi.mock("@/lib/store", () => ({ getStore: async () => ({ getDataset: async (id: string) => ({ id, version: 3 }) }) }));
vi.mock("./budget", () => ({ chargeQuery: async () => {} }));
vi.mock("./audit", () => ({ audit: async (_v: unknown, e: { action: string; detail?: Record<string, unknown> }) => void records.push(e) }));

const { authorizeDataset, AUDIT_SPEC_MAX_BYTES } = await import("./authorize");
const { readJson } = await import("./read-json");

const post = (path: string, body: string) => new Request(`http://app.test/api/datasets/demo/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });

beforeEach(() => {
  records.length = 0;
});

describe("audit records carry the spec", () => {
  it.each([
    ["crosstab", "crosstab:run", { outcome: "rolled_back", outcome_category: ["Yes"], segment: "country", weight: "w1", filters: { industry: ["Finance"] }, conf_level: 0.9 }],
    ["banner", "crosstab:run", { outcome: "rolled_back", segments: ["country", "industry"], filters: { size: ["5,000+"] } }],
    ["nps", "crosstab:run", { outcome: "nps_q", segment: "country", weight: "w1" }],
    ["drivers", "crosstab:run", { outcome: "rolled_back", predictors: ["country", "size"], weight: "w1" }],
    ["insights", "crosstab:run", { outcome: "rolled_back", outcome_category: "Yes", filters: {} }],
    ["weights", "schema:edit", { name: "m", scheme: { method: "rake", targets: { size: { a: 0.5, b: 0.5 } } } }],
    ["derived", "schema:edit", { id: "top2", label: "Top 2", source: "q5", groups: [{ label: "Top", values: ["4", "5"] }] }],
  ] as const)("%s: the body is recorded (and still readable by the route)", async (path, action, spec) => {
    const req = post(`${path}?format=csv`, JSON.stringify(spec));
    await authorizeDataset(req, "demo", action);
    expect(records).toHaveLength(1);
    expect(records[0].detail).toMatchObject({ method: "POST", version: 3, spec, query: "?format=csv" });
    expect(records[0].detail?.specSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readJson(req, 64 * 1024)).toEqual(spec);
  });

  it("a schema edit (PUT questions) records its edits; an oversized or non-JSON body only its hash and size", async () => {
    const edits = { questions: [{ id: "q1", label: "Renamed", missingCodes: ["99"] }] };
    await authorizeDataset(new Request("http://app.test/api/datasets/demo/questions", { method: "PUT", body: JSON.stringify(edits) }), "demo", "schema:edit");
    expect(records[0].detail?.spec).toEqual(edits);
    const big = JSON.stringify({ questions: [{ id: "q1", label: "x".repeat(AUDIT_SPEC_MAX_BYTES) }] });
    await authorizeDataset(new Request("http://app.test/api/datasets/demo/questions", { method: "PUT", body: big }), "demo", "schema:edit");
    expect(records[1].detail?.spec).toBeUndefined();
    expect(records[1].detail?.specBytes).toBe(big.length);
    await authorizeDataset(post("crosstab", "not json"), "demo", "crosstab:run");
    expect(records[2].detail).toMatchObject({ specBytes: 8 });
  });
});
