/**
 * Issue 17 regressions, one per attack, on a canary dataset with a unique respondent whose every
 * answer is known (grp=G1, site North, income 9876543, weight 500). In-process through the route
 * modules: an aggregate-only analyst (owning workspace, not the uploader) must learn neither a
 * count under k nor the canary's values; the owner (admin) sees exact numbers, "< k" nowhere.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerRequest, callRoute, closeFreshDataDir, importCsvDataset, routeModule, seedAdminAndAnalyst, openFreshDataDir } from "../support/in-process.fixtures";

const dataDir = openFreshDataDir("attacks", "attacks-secret-attacks-secret-attacks-012");

const CANARY_INCOME = "9876543";
const CANARY_ID = "canary-7f3e";

/** 1 in G1 (the canary), 2 in G2, 4 in G4, 40 in Rest; every G* respondent at site North. */
function canaryCsv(): string {
  const lines = ["resp_id,grp,site,rolled_back,income,recommend,w"];
  const groups = ["G1", "G2", "G2", "G4", "G4", "G4", "G4", ...Array<string>(40).fill("Rest")];
  groups.forEach((g, i) => {
    const canary = g === "G1";
    const site = g === "Rest" && i % 2 ? "South" : "North";
    lines.push([canary ? CANARY_ID : `r${i}`, g, site, i % 3 ? "Yes" : "No", canary ? CANARY_INCOME : String(30000 + i * 113), i % 11, canary ? "500" : "1"].join(","));
  });
  return `${lines.join("\n")}\n`;
}

let adminToken = "";
let analystToken = "";
let datasetId = "";

async function call(token: string, method: string, apiPath: string, body?: unknown, query = "") {
  const mod = await routeModule(apiPath);
  const id = apiPath.startsWith("/api/dashboards/") ? String((body as { dashboard?: string })?.dashboard ?? "") : datasetId;
  const req = bearerRequest(token, method, `${apiPath.replace("{id}", id)}${query}`, method !== "GET" ? body : undefined);
  const res = await callRoute(mod, method, req, { id });
  const text = res.headers.get("content-type")?.includes("json") || res.headers.get("content-type")?.startsWith("text/") ? await res.text() : "";
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}
const analyst = (m: string, p: string, b?: unknown, q = "") => call(analystToken, m, p, b, q);
const owner = (m: string, p: string, b?: unknown, q = "") => call(adminToken, m, p, b, q);

/** No count of 1..4 and none of the canary's values anywhere in a JSON answer. */
function expectNothingSmall(text: string) {
  expect(text).not.toContain(CANARY_INCOME);
  expect(text).not.toContain(CANARY_ID);
  expect(text).not.toMatch(/"(n|count|n_high|n_low|answered|at_min|at_max|analytic)":[1-4][,}]/);
}

beforeAll(async () => {
  ({ adminToken, analystToken } = await seedAdminAndAnalyst("attacks"));
  datasetId = (await importCsvDataset({ id: "canary", name: "Canary" }, canaryCsv())).id;
}, 120_000);

afterAll(() => closeFreshDataDir(dataDir));

describe("weighting preview", () => {
  it("is refused to an aggregate-only analyst (its targets would turn the weights into counts), data-free; the owner gets the exact report", async () => {
    const body = { name: "by grp", preview: true, scheme: { method: "rake", targets: { grp: { G1: 0.1, G2: 0.1, G4: 0.2, Rest: 0.6 } } } };
    const r = await analyst("POST", "/api/datasets/{id}/weights", body);
    expect(r.status).toBe(403);
    expect(JSON.stringify(r.json().error)).not.toMatch(/\b[0-9]+\b/);
    expectNothingSmall(r.text);
    const exact = (await owner("POST", "/api/datasets/{id}/weights", body)).json().report as { margins: { match: Record<string, string>; n: number }[] };
    expect(exact.margins.find((m) => m.match.grp === "G1")!.n).toBe(1);
  });

  it("an error names the rule and the columns, never a row or a count", async () => {
    const r = await analyst("POST", "/api/datasets/{id}/weights", { name: "cells", preview: true, scheme: { method: "cell", cells: [{ match: { grp: "Rest" }, share: 1 }] } });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.text).not.toContain(CANARY_ID);
    expect(r.text).not.toContain(CANARY_INCOME);
    expect(r.json().error).toBeDefined();
    expect(JSON.stringify(r.json().error)).not.toMatch(/\b[0-9]+\b/);
  });
});

describe("key drivers", () => {
  it("refuse a model on a 3-person filter (the intercept would be one person's value), data-free", async () => {
    const r = await analyst("POST", "/api/datasets/{id}/drivers", { model: "linear", outcome: "income", predictors: ["site"], filters: { grp: ["G1", "G2"] } });
    expect(r.status).toBe(403);
    expect(r.text).toMatch(/disclosure/);
    expect(r.text).not.toContain(CANARY_INCOME);
    expect(r.text).not.toMatch(/\b[1-4] rows?\b/);
  });

  it("refuse a predictor level of one respondent, and a dominated outcome", async () => {
    const level = await analyst("POST", "/api/datasets/{id}/drivers", { model: "linear", outcome: "recommend", predictors: ["grp"] });
    expect(level.status).toBe(403);
    const dominated = await analyst("POST", "/api/datasets/{id}/drivers", { model: "linear", outcome: "income", predictors: ["site"] });
    expect(dominated.status).toBe(403);
    expect(dominated.text).not.toContain(CANARY_INCOME);
  });

  it("the owner fits the same models exactly", async () => {
    const r = await owner("POST", "/api/datasets/{id}/drivers", { model: "linear", outcome: "recommend", predictors: ["grp"] });
    expect(r.status).toBe(200);
  });
});

describe("crosstabs, NPS, insights", () => {
  it("chi-square statistics are withheld next to hidden cells", async () => {
    const r = await analyst("POST", "/api/datasets/{id}/crosstab", { outcome: "rolled_back", outcome_category: "Yes", segment: "grp" });
    expect(r.status).toBe(200);
    const body = r.json() as { chisq: { full: unknown; binary: unknown }; segments: { segment: string; display: string | null }[] };
    expect(body.segments.find((s) => s.segment === "G1")!.display).toBe("< 5");
    expect(body.chisq).toEqual({ full: null, binary: null });
    expectNothingSmall(r.text);
    const exact = (await owner("POST", "/api/datasets/{id}/crosstab", { outcome: "rolled_back", outcome_category: "Yes", segment: "grp" })).json() as { segments: { segment: string; n: number; display: string | null }[] };
    expect(exact.segments.find((s) => s.segment === "G1")).toMatchObject({ n: 1, display: null });
  });

  it("a mean dominated by one respondent is hidden with a complement; the owner sees it", async () => {
    const r = await analyst("POST", "/api/datasets/{id}/crosstab", { outcome: "income", statistic: "mean", segment: "site" });
    expect(r.status).toBe(200);
    const body = r.json() as { segments: { segment: string; display: string | null; unweighted: unknown }[]; total: { display: string | null } };
    expect(body.segments.find((s) => s.segment === "North")).toMatchObject({ display: "dominated", unweighted: null });
    // the total (also dominated) or the other segment hides too, so no difference gives North back
    expect([body.total.display, body.segments.find((s) => s.segment === "South")!.display].some((d) => d !== null)).toBe(true);
    expect(r.text).not.toContain(CANARY_INCOME);
    const exact = (await owner("POST", "/api/datasets/{id}/crosstab", { outcome: "income", statistic: "mean", segment: "site" })).json() as typeof body;
    expect(exact.segments.find((s) => s.segment === "North")!.display).toBeNull();
  });

  it("a weight that puts ~all weight on one respondent hides the weighted estimate", async () => {
    const r = await analyst("POST", "/api/datasets/{id}/crosstab", { outcome: "income", statistic: "mean", segment: "site", weight: "w" });
    const body = r.json() as { segments: { segment: string; weighted: unknown; display: string | null }[] };
    const north = body.segments.find((s) => s.segment === "North")!;
    expect(north.weighted).toBeNull();
    expect(north.display).not.toBeNull();
    expect(r.text).not.toContain(CANARY_INCOME);
  });

  it("NPS hides segments under k", async () => {
    const r = await analyst("POST", "/api/datasets/{id}/nps", { outcome: "recommend", segment: "grp" });
    expect(r.status).toBe(200);
    expectNothingSmall(r.text);
  });

  it("insights scans carry no small counts and no numbers in their messages", async () => {
    const r = await analyst("POST", "/api/datasets/{id}/insights", { outcome: "rolled_back", outcome_category: "Yes", min_effective_n: 1 });
    expect(r.status).toBe(200);
    expectNothingSmall(r.text);
    for (const t of r.json().tested as { message?: string }[]) if (t.message) expect(t.message).not.toMatch(/(^|\s)[0-9]+(\s|$)/);
  });
});

describe("metadata and derived variables", () => {
  it("dataset metadata hides option counts of 1..k−1; the owner sees them", async () => {
    const r = await analyst("GET", "/api/datasets/{id}");
    const grp = (r.json().questions as { id: string; options: { code: string; count: number | null }[] }[]).find((q) => q.id === "grp")!;
    expect(grp.options.every((o) => o.count === null)).toBe(true);
    expectNothingSmall(r.text);
    const exact = (await owner("GET", "/api/datasets/{id}")).json().questions as typeof grp[];
    expect(exact.find((q) => q.id === "grp")!.options.find((o) => o.code === "G1")!.count).toBe(1);
  });

  it("a derived variable isolating the canary does not count it", async () => {
    const r = await analyst("POST", "/api/datasets/{id}/derived", { id: "just_g1", label: "G1 alone", source: "grp", groups: [{ code: "one", from: ["G1"] }, { code: "rest", from: ["G2", "G4", "Rest"] }] });
    expect(r.status).toBe(201);
    const q = r.json().question as { options: { code: string; count: number | null }[]; answered: number | null };
    // no counts at all, and the answer only the canary gave is not listed
    expect(q.options).toMatchObject([{ code: "rest", count: null }]);
    expect(q.answered).toBeNull();
    expectNothingSmall(r.text);
  });
});

describe("dashboards and decks", () => {
  it("a tile filtered to the canary shows no n = 1, in the tile or its base note", async () => {
    const view = (await analyst("POST", "/api/views", { datasetId, name: "g1", query: "outcome=rolled_back&category=Yes&segment=site&f.grp=G1" })).json().view as { id: string };
    const dash = (await analyst("POST", "/api/dashboards", { name: "canary board", tiles: [{ viewId: view.id }] })).json().dashboard as { id: string };
    const r = await analyst("GET", "/api/dashboards/{id}", { dashboard: dash.id });
    expect(r.status).toBe(200);
    expect(r.text).not.toMatch(/n = [1-4]\b/);
    expectNothingSmall(r.text);
    const exact = await owner("GET", "/api/dashboards/{id}", { dashboard: dash.id });
    expect(exact.text).toMatch(/n = 1\b/);
  });
});
