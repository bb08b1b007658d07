/**
 * Issue 17: every operation of /api/openapi.json that answers with numbers derived from respondent
 * rows (GATEWAY_OPERATIONS), in every export format, called in-process by an aggregate-only analyst
 * (an analyst of the owning workspace who did not upload the dataset), answers through the
 * disclosure gateway: the Response is one `respondReleased`/`sendReleased` built, and the gateway
 * issued a release to an aggregate-only audience during the call. Every other operation is listed
 * with why it carries no respondent numbers (NO_RESPONDENT_NUMBERS); an unclassified operation fails.
 * The owner (admin of the workspace) gets exact releases through the same gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FORMATS, GATEWAY_OPERATIONS, NO_RESPONDENT_NUMBERS, PROTECTED_NOT_SEALED } from "@/lib/disclosure/gateway-operations";
import { seedCsv } from "../api/seed-data";
import { bearerRequest, callRoute, closeFreshDataDir, importCsvDataset, routeModule, seedAdminAndAnalyst, openFreshDataDir } from "../support/in-process.fixtures";

const dataDir = openFreshDataDir("gateway", "gateway-secret-gateway-secret-gateway-01");

const { buildOpenApiDocument } = await import("@/lib/schema/openapi");
const { observeReleases } = await import("@/lib/disclosure/gateway");
const { answeredThroughGateway } = await import("@/lib/server/respond-released");

const spec = { outcome: "rolled_back", outcome_category: "Yes", segment: "country", weight: "weight" };
/** A valid request per operation and format: [query, body]. */
const REQUESTS: Record<string, [string, unknown][]> = {
  "GET /api/datasets": [["", undefined]],
  "GET /api/datasets/{id}": [["", undefined]],
  "PUT /api/datasets/{id}/questions": [["", { questions: [{ id: "maturity", label: "Maturity level" }] }]],
  "POST /api/datasets/{id}/weights": [["", { name: "rake", preview: true, scheme: { method: "rake", targets: { country: { Atlantis: 0.3, Borduria: 0.3, Carpathia: 0.4 } } } }]],
  "POST /api/datasets/{id}/derived": [["", { id: "mature_or_not", label: "Mature", source: "maturity", groups: [{ code: "Yes", from: ["Mature"] }, { code: "No", from: ["Early", "Developing"] }] }]],
  "POST /api/datasets/{id}/crosstab": [
    ["", spec],
    ["?emit=r", spec],
  ],
  "POST /api/datasets/{id}/banner": [["", { outcome: "maturity", segments: ["country"] }]],
  "POST /api/datasets/{id}/nps": [["", { outcome: "recommend", segment: "country" }]],
  "POST /api/datasets/{id}/insights": [["", { outcome: "rolled_back", outcome_category: "Yes" }]],
  "POST /api/datasets/{id}/drivers": [["", { model: "linear", outcome: "age", predictors: ["country"] }]],
  "POST /api/datasets/{id}/benchmark-compare": [["", { benchmarkId: "sinch-rollback-fully-mature", column: "Total", spec }]],
  "POST /api/datasets/{id}/crosstab/export": EXPORT_FORMATS["POST /api/datasets/{id}/crosstab/export"].map((f) => [`?format=${f}`, spec]),
  "POST /api/datasets/{id}/banner/export": EXPORT_FORMATS["POST /api/datasets/{id}/banner/export"].map((f) => [`?format=${f}`, { outcome: "maturity", segments: ["country"] }]),
  "GET /api/audit": [
    ["", undefined],
    ["?format=csv", undefined],
  ],
  "GET /api/dashboards/{id}": [["", undefined]],
  "GET /api/dashboards/{id}/deck": [["?format=pptx", undefined], ["?format=pdf", undefined]],
};

let ids = { dataset: "", dashboard: "" };
let analystToken = "";
let adminToken = "";

async function call(token: string, key: string, query: string, body: unknown) {
  const [method, apiPath] = key.split(" ");
  const id = apiPath.startsWith("/api/dashboards") ? ids.dashboard : ids.dataset;
  const req = bearerRequest(token, method, `${apiPath.replace("{id}", id)}${query}`, body);
  return callRoute(await routeModule(apiPath), method, req, apiPath.includes("{id}") ? { id } : {});
}

beforeAll(async () => {
  ({ adminToken, analystToken } = await seedAdminAndAnalyst("gateway"));
  const ds = await importCsvDataset({ id: "gw", name: "Gateway survey" }, seedCsv(150));
  ids = { dataset: ds.id, dashboard: "" };
  const post = async (p: string, body: unknown) => {
    const res = await callRoute(await routeModule(p), "POST", bearerRequest(analystToken, "POST", p, body));
    return (await res.json()) as Record<string, { id: string }>;
  };
  const view = (await post("/api/views", { datasetId: ds.id, name: "tile", query: "outcome=rolled_back&category=Yes&segment=country" })).view.id;
  const npsView = (await post("/api/views", { datasetId: ds.id, name: "nps tile", query: "outcome=recommend&segment=country&stat=nps" })).view.id;
  ids.dashboard = (await post("/api/dashboards", { name: "board", tiles: [{ viewId: view }, { viewId: npsView }] })).dashboard.id;
}, 120_000);

afterAll(() => closeFreshDataDir(dataDir));

describe("every route through the disclosure gateway", () => {
  it("classifies every documented operation, and has a request for every data operation and format", () => {
    const ops = Object.entries(buildOpenApiDocument().paths).flatMap(([p, item]) => Object.keys(item as object).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops.filter((o) => !(GATEWAY_OPERATIONS as readonly string[]).includes(o) && !(o in NO_RESPONDENT_NUMBERS) && !(o in PROTECTED_NOT_SEALED))).toEqual([]);
    expect([...GATEWAY_OPERATIONS].filter((o) => !REQUESTS[o])).toEqual([]);
    for (const [op, formats] of Object.entries(EXPORT_FORMATS)) {
      const asked = REQUESTS[op].map(([q]) => new URLSearchParams(q).get("format") ?? (new URLSearchParams(q).get("emit") === "r" ? "r" : "json"));
      expect(asked.sort(), op).toEqual([...formats].sort());
    }
  });

  const cases = GATEWAY_OPERATIONS.flatMap((op) => (REQUESTS[op] ?? []).map(([q, body]) => [op, q, body] as const));
  it.each(cases)("%s%s answers an aggregate-only caller through the gateway", async (op, query, body) => {
    // the audit trail is for admins: the admin reads it through the gateway (records of datasets
    // they see only as aggregates lose their specs); everything else by the aggregate-only analyst
    const admin = op === "GET /api/audit";
    const seen: { kind: string; audience: { kind: string; exact?: boolean } }[] = [];
    const stop = observeReleases((e) => seen.push(e));
    let res: Response;
    try {
      res = await call(admin ? adminToken : analystToken, op, query, body);
    } finally {
      stop();
    }
    expect(res.status, `${op}${query}: ${res.status >= 400 ? await res.clone().text() : ""}`).toBeLessThan(300);
    expect(answeredThroughGateway(res), `${op}${query}`).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    if (!admin) expect(seen.some((e) => e.audience.kind === "aggregate" && !e.audience.exact), `${op}${query}: released to ${JSON.stringify(seen)}`).toBe(true);
  }, 60_000);

  it("the owner's answers come through the same gateway, exact", async () => {
    const seen: { audience: { kind: string } }[] = [];
    const stop = observeReleases((e) => seen.push(e));
    const res = await call(adminToken, "POST /api/datasets/{id}/crosstab", "", spec);
    stop();
    expect(answeredThroughGateway(res)).toBe(true);
    expect(seen.map((e) => e.audience.kind)).toContain("respondent");
    const body = (await res.json()) as { disclosure: { exact?: string } };
    expect(body.disclosure.exact).toBe("respondent-access");
  });
});
