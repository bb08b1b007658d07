/**
 * The `perturbed` policy beyond the plain crosstab: NPS and banner answers of an aggregate-only
 * analyst are perturbed by the cell-key method (marked so, stable across requests, within ±3 of the
 * exact counts, zero stays zero, and each banner answer's count is the one the single breakdown of
 * that answer releases), while the owner keeps exact numbers. In-process through the route modules.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerRequest, callRoute, closeFreshDataDir, importCsvDataset, openFreshDataDir, routeModule, seedAdminAndAnalyst } from "../support/in-process.fixtures";

const dataDir = openFreshDataDir("perturbed", "perturbed-secret-perturbed-secret-perturb");

const REGIONS = ["north", "south", "east", "west"];
/** 240 respondents; nobody in the west recommends with 9 or 10 */
function csv(): string {
  const lines = ["region,recommend,agent"];
  for (let i = 0; i < 240; i++) {
    const region = REGIONS[i % 4];
    const score = region === "west" ? i % 7 : (i * 7) % 11;
    lines.push(`${region},${score},${["live", "pilot", "none"][i % 3]}`);
  }
  return `${lines.join("\n")}\n`;
}

let adminToken = "";
let analystToken = "";
let datasetId = "";

async function call(token: string, method: string, apiPath: string, body?: unknown, id = datasetId) {
  const res = await callRoute(await routeModule(apiPath), method, bearerRequest(token, method, apiPath.replace("{id}", id), method === "GET" ? undefined : body), { id });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

type Block = { segment?: string; n: number | null; promoters: number | null; passives: number | null; detractors: number | null };
const NPS = { outcome: "recommend", segment: "region" };

beforeAll(async () => {
  ({ adminToken, analystToken } = await seedAdminAndAnalyst("perturbed"));
  datasetId = (await importCsvDataset({ id: "pnps", name: "Perturbed NPS" }, csv())).id;
  const set = await call(adminToken, "PUT", "/api/datasets/{id}/policy", { policy: "perturbed" });
  expect(set.status).toBe(200);
}, 120_000);

afterAll(() => closeFreshDataDir(dataDir));

describe("NPS under the perturbed policy", () => {
  it("the owner gets exact counts; the analyst perturbed ones, marked, stable, within ±3, zero kept", async () => {
    const exact = await call(adminToken, "POST", "/api/datasets/{id}/nps", NPS);
    expect(exact.status).toBe(200);
    expect(exact.body.disclosure).toBeUndefined();
    const a = await call(analystToken, "POST", "/api/datasets/{id}/nps", NPS);
    expect(a.status).toBe(200);
    expect(a.body.disclosure).toEqual({ perturbed: true });
    expect(String(a.body.notes)).toMatch(/perturbed \(cell-key method\)/);
    const again = await call(analystToken, "POST", "/api/datasets/{id}/nps", NPS);
    expect(again.body).toEqual(a.body);
    const blocks = (x: Record<string, unknown>) => [...(x.segments as Block[]), x.total as Block];
    let moved = 0;
    blocks(a.body).forEach((p, i) => {
      const e = blocks(exact.body)[i];
      for (const f of ["promoters", "passives", "detractors"] as const) {
        expect(Math.abs(p[f]! - e[f]!)).toBeLessThanOrEqual(3);
        if (e[f] === 0) expect(p[f]).toBe(0);
        if (p[f] !== e[f]) moved++;
      }
      expect(p.n).toBe(p.promoters! + p.passives! + p.detractors!);
    });
    expect(moved).toBeGreaterThan(0); // 15 counts, each left exact with probability ~0.27
  });
});

describe("banners under the perturbed policy", () => {
  it("each answer's count in a banner is the count its own breakdown releases (the key of exactly its respondents)", async () => {
    const banner = await call(analystToken, "POST", "/api/datasets/{id}/banner", { outcome: "agent", segments: ["region"] });
    expect(banner.status).toBe(200);
    expect(banner.body.disclosure).toMatchObject({ perturbed: true });
    expect(String(banner.body.notes)).toMatch(/perturbed \(cell-key method\)/);
    const rows = banner.body.rows as { codes: string[]; cells: { columnId: string; count: number | null }[] }[];
    const columns = banner.body.columns as { id: string; level: string | null }[];
    for (const row of rows) {
      const single = await call(analystToken, "POST", "/api/datasets/{id}/crosstab", { outcome: "agent", outcome_category: row.codes, segment: "region" });
      expect(single.status).toBe(200);
      expect(single.body.disclosure).toMatchObject({ perturbed: true });
      const segs = single.body.segments as { segment: string; count: number }[];
      for (const c of row.cells) {
        const level = columns.find((x) => x.id === c.columnId)!.level;
        const want = level === null ? (single.body.total as { count: number }).count : segs.find((s) => s.segment === level)!.count;
        expect(c.count).toBe(want);
      }
    }
  });
});

describe("dashboard tiles under the perturbed policy", () => {
  it("breakdown, NPS and banner tiles say their counts are perturbed to the analyst, not to the owner", async () => {
    const views = [
      "outcome=agent&category=live&segment=region",
      "outcome=recommend&category=__nps&segment=region",
      "outcome=agent&segment=region&view=banner&segments=region",
    ];
    const tiles = [];
    for (const query of views) {
      const v = await call(analystToken, "POST", "/api/views", { datasetId, name: query.slice(0, 30), query });
      expect(v.status).toBe(201);
      tiles.push({ viewId: (v.body.view as { id: string }).id });
    }
    const dash = await call(analystToken, "POST", "/api/dashboards", { name: "perturbed board", tiles });
    const id = (dash.body.dashboard as { id: string }).id;
    const notes = async (token: string) => ((await call(token, "GET", "/api/dashboards/{id}", undefined, id)).body.tiles as { status: string; baseNote?: string }[]).map((t) => `${t.status}: ${t.baseNote}`);
    const analystNotes = await notes(analystToken);
    expect(analystNotes).toHaveLength(3);
    for (const n of analystNotes) expect(n).toMatch(/^ready: .*counts perturbed \(cell-key method\)/);
    for (const n of await notes(adminToken)) expect(n).not.toMatch(/perturbed/);
  });
});
