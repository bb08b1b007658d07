/**
 * Issue 17, "filters are oracles": for an aggregate-only audience a crosstab whose filters match
 * nobody answers exactly like one matching 1..k−1 respondents (200, the same JSON, every number
 * "< k"), so neither the status code nor the message tells zero from small. Respondent access
 * (the owning workspace's admin) keeps exact numbers and the 422 for an empty population.
 * In-process through the route module, over a fresh DATA_DIR store with a canary dataset.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerRequest, callRoute, closeFreshDataDir, importCsvDataset, routeModule, seedAdminAndAnalyst, openFreshDataDir } from "../support/in-process.fixtures";

const dataDir = openFreshDataDir("oracle", "oracle-secret-oracle-secret-oracle-0123");

const crosstab = await routeModule("/api/datasets/{id}/crosstab");
const datasetRoute = await routeModule("/api/datasets/{id}");
const otherRoutes = {
  banner: await routeModule("/api/datasets/{id}/banner"),
  nps: await routeModule("/api/datasets/{id}/nps"),
  "crosstab/export": await routeModule("/api/datasets/{id}/crosstab/export"),
};

/**
 * Canary: `grp` G1 has 1 respondent, G2 2, G4 4, the rest 40; every G* respondent is at site North,
 * so grp=G1 & site=South matches nobody.
 */
function canaryCsv(): string {
  const lines = ["resp_id,grp,site,country,rolled_back,age,recommend"];
  const groups = [...Array<string>(1).fill("G1"), ...Array<string>(2).fill("G2"), ...Array<string>(4).fill("G4"), ...Array<string>(40).fill("Rest")];
  groups.forEach((g, i) => {
    const site = g === "Rest" && i % 2 ? "South" : "North";
    lines.push([`r${i}`, g, site, ["Atlantis", "Borduria", "Carpathia"][i % 3], i % 3 ? "Yes" : "No", 20 + (i % 40), i % 11].join(","));
  });
  return `${lines.join("\n")}\n`;
}

let adminToken = "";
let analystToken = "";
let datasetId = "";

beforeAll(async () => {
  ({ adminToken, analystToken } = await seedAdminAndAnalyst("oracle"));
  datasetId = (await importCsvDataset({ id: "canary", name: "Canary survey" }, canaryCsv())).id;
}, 60_000);

afterAll(() => closeFreshDataDir(dataDir));

async function run(token: string, spec: Record<string, unknown>) {
  const res = await callRoute(crosstab, "POST", bearerRequest(token, "POST", `/api/datasets/${datasetId}/crosstab`, spec), { id: datasetId });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Filters matching 0, 1, 2 and 4 respondents (all under k = 5). */
const POPULATIONS: Record<number, Record<string, string[]>> = {
  0: { grp: ["G1"], site: ["South"] },
  1: { grp: ["G1"], site: ["North"] },
  2: { grp: ["G2"], site: ["North"] },
  4: { grp: ["G4"], site: ["North"] },
};

describe.each([
  ["proportion", { outcome: "rolled_back", outcome_category: "Yes", segment: "country" }],
  ["mean", { outcome: "age", statistic: "mean", segment: "country" }],
] as const)("an empty population is not an oracle (%s)", (_name, base) => {
  it("answers an aggregate-only analyst the same for 0, 1, 2 and 4 respondents", async () => {
    const answers = [];
    for (const [n, filters] of Object.entries(POPULATIONS)) {
      const { status, body } = await run(analystToken, { ...base, filters });
      // the spec echoes the request's own filters; everything else must be identical
      const { spec, ...rest } = body;
      expect(spec, `population ${n}`).toBeDefined();
      answers.push({ n, status, body: rest });
    }
    for (const a of answers) {
      expect(a.status, `population ${a.n}`).toBe(200);
      expect(a.body, `population ${a.n}`).toEqual(answers[0].body);
    }
    const shown = answers[0].body as { total: { display: string; n: unknown }; rows: unknown; segments: { display: string }[]; disclosure: { totalSuppressed: boolean } };
    expect(shown.rows).toBeNull();
    expect(shown.total.n).toBeNull();
    expect(shown.total.display).toBe("< 5");
    expect(shown.segments.map((s) => s.display)).toEqual(["< 5", "< 5", "< 5"]);
    expect(shown.disclosure.totalSuppressed).toBe(true);
    expect(JSON.stringify(answers[0].body)).not.toMatch(/no_rows|too few respondents to estimate/);
  });

  it("keeps exact numbers and the 422 for respondent access (the owning workspace's admin)", async () => {
    const empty = await run(adminToken, { ...base, filters: POPULATIONS[0] });
    expect(empty.status).toBe(422);
    const one = await run(adminToken, { ...base, filters: POPULATIONS[1] });
    expect(one.status).toBe(200);
    expect((one.body.total as { n: number }).n).toBe(1);
    const four = await run(adminToken, { ...base, filters: POPULATIONS[4] });
    expect((four.body.total as { n: number }).n).toBe(4);
  });
});

describe.each([
  ["banner", { outcome: "rolled_back", segments: ["country"] }],
  ["nps", { outcome: "recommend", segment: "country" }],
  ["crosstab/export", { outcome: "rolled_back", outcome_category: "Yes", segment: "country" }],
] as const)("%s: an empty population is not an oracle", (name, base) => {
  const call = async (token: string, filters: Record<string, string[]>) => {
    const req = bearerRequest(token, "POST", `/api/datasets/${datasetId}/${name}`, { ...base, filters });
    const res = await callRoute(otherRoutes[name], "POST", req, { id: datasetId });
    // the request's own filters are echoed (spec, the banner's "Filtered: …" note): blanked out
    const text = (await res.text()).replace(/"filters":\{[^}]*\}/g, "").replace(/Filtered: [^"]*/g, "Filtered");
    return { status: res.status, text };
  };

  it("answers an aggregate-only analyst the same for 0, 1, 2 and 4 respondents", async () => {
    const answers = [];
    for (const filters of Object.values(POPULATIONS)) answers.push(await call(analystToken, filters));
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.text).toBe(answers[0].text);
    }
  });

  it("still shows a large population (the check above is not vacuous)", async () => {
    const { status, text } = await call(analystToken, { grp: ["Rest"] });
    expect(status).toBe(200);
    expect(text).not.toBe((await call(analystToken, POPULATIONS[0])).text);
  });
});

describe("a large population is still shown to the aggregate-only analyst", () => {
  it("answers numbers for 40 respondents", async () => {
    const { status, body } = await run(analystToken, { outcome: "rolled_back", outcome_category: "Yes", segment: "site", filters: { grp: ["Rest"] } });
    expect(status).toBe(200);
    expect((body.total as { n: number | null }).n).toBe(40);
  });
});

describe("GET /api/datasets/{id}: option counts", () => {
  const get = async (token: string) => {
    const res = await callRoute(datasetRoute, "GET", bearerRequest(token, "GET", `/api/datasets/${datasetId}`), { id: datasetId });
    return { status: res.status, body: (await res.json()) as { questions: { id: string; answered: number | null; options: { code: string; count: number | null }[] }[] } };
  };

  it("withholds every count from an aggregate-only analyst, large ones too (counts come through audited crosstabs)", async () => {
    const { status, body } = await get(analystToken);
    expect(status).toBe(200);
    for (const q of body.questions) {
      expect(q.options.map((o) => o.count)).toEqual(q.options.map(() => null));
      expect(q.answered).toBeNull();
    }
    expect(body.questions.find((q) => q.id === "country")!.options.length).toBeGreaterThan(0);
  });

  it("keeps them exact for respondent access", async () => {
    const { body } = await get(adminToken);
    const grp = body.questions.find((q) => q.id === "grp")!;
    expect(grp.options.find((o) => o.code === "G1")?.count).toBe(1);
    expect(grp.answered).toBe(47);
  });
});
