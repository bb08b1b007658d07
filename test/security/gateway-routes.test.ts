/**
 * Issue 17: every operation of /api/openapi.json that answers with numbers derived from respondent
 * rows (GATEWAY_OPERATIONS), in every export format, called in-process by an aggregate-only analyst
 * (an analyst of the owning workspace who did not upload the dataset), answers through the
 * disclosure gateway: the Response is one `respondReleased`/`sendReleased` built, and the gateway
 * issued a release to an aggregate-only audience during the call. Every other operation is listed
 * with why it carries no respondent numbers (NO_RESPONDENT_NUMBERS); an unclassified operation fails.
 * The owner (admin of the workspace) gets exact releases through the same gateway.
 *
 * The respondent-level export is not a gateway operation (it answers rows, governed by
 * lib/governance, to respondent access only): in every format it offers, the aggregate-only analyst
 * is refused, and a researcher gets the same rows under the same suppression, outside the gateway.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FORMATS, GATEWAY_OPERATIONS, NO_RESPONDENT_NUMBERS, PROTECTED_NOT_SEALED, RESPONDENT_ACCESS_ONLY } from "@/lib/disclosure/gateway-operations";
import { RESPONDENT_EXPORT_FORMATS, type RespondentExportFormat } from "@/lib/schema/respondent-export";
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
  "GET /api/datasets/{id}/questions": [["?q=maturity&role=segment&ids=maturity,country", undefined]],
  // before the schema edit: version 1 is still the latest (the kept file is written in beforeAll)
  "POST /api/datasets/{id}/encoding": [["", { encoding: "windows-1252", version: 1 }]],
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
let researcherToken = "";

async function call(token: string, key: string, query: string, body: unknown) {
  const [method, apiPath] = key.split(" ");
  const id = apiPath.startsWith("/api/dashboards") ? ids.dashboard : ids.dataset;
  const req = bearerRequest(token, method, `${apiPath.replace("{id}", id)}${query}`, body);
  return callRoute(await routeModule(apiPath), method, req, apiPath.includes("{id}") ? { id } : {});
}

beforeAll(async () => {
  ({ adminToken, analystToken } = await seedAdminAndAnalyst("gateway"));
  {
    const { getIdentity } = await import("@/lib/auth/server");
    const { createApiToken, createUserWithPassword } = await import("@/lib/auth/identity");
    const { DEFAULT_WORKSPACE_ID } = await import("@/lib/schema/workspace");
    const identity = await getIdentity();
    const researcher = await createUserWithPassword(identity, { email: "researcher@gateway.test", password: "gateway-researcher-password-1", name: "Researcher", role: "researcher", workspaceId: DEFAULT_WORKSPACE_ID });
    researcherToken = (await createApiToken(identity.sql, { userId: researcher.id, workspaceId: DEFAULT_WORKSPACE_ID, role: "researcher" })).token;
  }
  const ds = await importCsvDataset({ id: "gw", name: "Gateway survey" }, seedCsv(150));
  ids = { dataset: ds.id, dashboard: "" };
  {
    // the file as an upload not read as UTF-8 keeps it, so the encoding can be chosen again
    const fs = await import("node:fs");
    const path = await import("node:path");
    const { sourceBytesPath } = await import("@/lib/services/source-bytes");
    fs.mkdirSync(path.dirname(sourceBytesPath(ds)), { recursive: true });
    fs.writeFileSync(sourceBytesPath(ds), seedCsv(150));
  }
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
    if (op in RESPONDENT_ACCESS_ONLY) {
      // refused whole to an aggregate-only audience: 403, and the refusal carries no number
      expect(res.status, `${op}${query}`).toBe(403);
      expect(JSON.stringify((await res.json()).error)).not.toMatch(/\b[0-9]+\b/);
      return;
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

describe("the respondent-level export, in every format", () => {
  const op = "POST /api/datasets/{id}/respondents/export";
  // country and age are default quasi-identifiers, maturity a filter column: many combinations under k
  const body = { columns: ["country", "age", "comment", "weight"], filters: { maturity: ["Early", "Mature"] } };

  it("is classified as respondent access, outside the gateway, and documents every format", () => {
    expect(op in NO_RESPONDENT_NUMBERS).toBe(true);
    expect((GATEWAY_OPERATIONS as readonly string[]).includes(op)).toBe(false);
    const params = (buildOpenApiDocument().paths["/api/datasets/{id}/respondents/export"] as unknown as { post: { parameters: { name: string; schema: { enum?: string[] } }[] } }).post.parameters;
    expect(params.find((p) => p.name === "format")?.schema.enum).toEqual([...RESPONDENT_EXPORT_FORMATS]);
  });

  it.each(RESPONDENT_EXPORT_FORMATS.map((f) => [f]))("?format=%s: refused to the aggregate-only analyst, before any row is read", async (format) => {
    const seen: unknown[] = [];
    const stop = observeReleases((e) => seen.push(e));
    let res: Response;
    try {
      res = await call(analystToken, op, `?format=${format}`, body);
    } finally {
      stop();
    }
    expect(res.status).toBe(403);
    expect(await res.text()).not.toMatch(/zq/);
    expect(seen).toEqual([]);
  }, 60_000);

  it("a researcher gets the same rows, the same suppression and the same headers in every format", async () => {
    const { readParquetBack } = await import("@/lib/store/duckdb/parquet.fixtures");
    const ExcelJS = (await import("exceljs")).default;
    const Papa = (await import("papaparse")).default;
    const { createRequire } = await import("node:module");
    const { SavBufferReader } = createRequire(import.meta.url)("sav-reader") as { SavBufferReader: new (b: Buffer) => { open(): Promise<void>; meta: { header: { n_cases: number }; sysvars: { name: string }[] } } };
    const answers = new Map<RespondentExportFormat, { rows: number; header: string[]; governance: Record<string, string | null> }>();
    for (const format of RESPONDENT_EXPORT_FORMATS) {
      const res = await call(researcherToken, op, `?format=${format}`, body);
      expect(res.status, `${format}: ${res.status >= 400 ? await res.clone().text() : ""}`).toBe(200);
      expect(answeredThroughGateway(res)).toBe(false);
      expect(res.headers.get("content-disposition")).toContain(`.${format}"`);
      const governance = Object.fromEntries(["x-rows-truncated", "x-k-anonymity-k", "x-suppressed-cells", "x-quasi-identifiers"].map((h) => [h, res.headers.get(h)]));
      const bytes = Buffer.from(await res.arrayBuffer());
      if (format === "csv") {
        const [header, ...rows] = Papa.parse<string[]>(bytes.toString("utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
        answers.set(format, { rows: rows.length, header, governance });
        // the CSV shows each suppression as "*" in the quasi-identifier columns
        expect(rows.flatMap((r) => r.slice(0, 2)).filter((c) => c === "*").length).toBe(Number(governance["x-suppressed-cells"]));
      } else if (format === "sav") {
        const sav = new SavBufferReader(bytes);
        await sav.open();
        answers.set(format, { rows: sav.meta.header.n_cases, header: sav.meta.sysvars.map((v) => v.name), governance });
      } else if (format === "xlsx") {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        const sheet = wb.getWorksheet("Respondents")!;
        const facts: Record<string, unknown> = {};
        wb.getWorksheet("About this export")!.eachRow((row) => (facts[String(row.getCell(1).value)] = row.getCell(2).value));
        expect(facts["Cells suppressed"]).toBe(Number(governance["x-suppressed-cells"]));
        expect(facts["Filters applied"]).toBe("maturity: Early | Mature");
        answers.set(format, { rows: sheet.actualRowCount - 1, header: (sheet.getRow(1).values as unknown[]).slice(1).map(String), governance });
      } else {
        const back = await readParquetBack(bytes);
        expect(back.metadata["surveyscope.suppressed_cells"]).toBe(governance["x-suppressed-cells"]);
        expect(back.metadata["surveyscope.filters"]).toBe(JSON.stringify(body.filters));
        expect(back.columns.map((c) => c.type)).toEqual(["VARCHAR", "DOUBLE", "VARCHAR", "DOUBLE"]);
        answers.set(format, { rows: back.rows.length, header: back.columns.map((c) => c.name), governance });
      }
    }
    const csv = answers.get("csv")!;
    expect(csv.header).toEqual(body.columns);
    expect(csv.rows).toBeGreaterThan(10);
    expect(Number(csv.governance["x-suppressed-cells"])).toBeGreaterThan(0);
    for (const [format, a] of answers) expect(a, format).toEqual(csv);
  }, 120_000);
});
