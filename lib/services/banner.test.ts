import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { protectCrosstab } from "@/lib/disclosure";
import { bannerResultSchema, type BannerResult } from "@/lib/schema/banner";
import type { CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import type { Dataset } from "@/lib/schema/dataset";
import { questionOverridesSchema } from "@/lib/schema/question-overrides";
import { openMemoryStore, type SurveyStore } from "@/lib/store";
import { withSharedOutcomeSums } from "@/lib/store/shared/shared-outcome-sums";
import { runBanner } from "./banner";
import { runCrosstab } from "./crosstab";
import { importDataset } from "./import-dataset";

const DEMO = path.join(process.cwd(), "data", "demo");
const K = 5;
let store: SurveyStore;
let ds: Dataset;

beforeAll(async () => {
  store = await openMemoryStore();
  ds = await importDataset(store, {
    meta: { id: "ai-agents-production", name: "demo", owner: "t", synthetic: true, fileName: "ai-agents-production.csv" },
    source: fs.createReadStream(path.join(DEMO, "ai-agents-production.csv")),
    overrides: questionOverridesSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO, "ai-agents-production.questions.json"), "utf8"))),
  });
}, 60_000);
afterAll(() => store?.close());

const run = async (spec: CrosstabSpecInput) => protectCrosstab(await runCrosstab(store, ds, spec), { k: K, sensitive: false, role: "viewer" });
const banner = (spec: unknown) => runBanner(ds, spec, run, { k: K, minBase: 30 });

/** Every cell a viewer sees: no count 1..k−1, no base 1..k−1, nothing recoverable by subtraction. */
function expectNoSmallCellRevealed(b: BannerResult) {
  for (const c of b.columns) if (c.n !== null) expect(c.n === 0 || c.n >= K).toBe(true);
  for (const r of b.rows) {
    for (const cell of r.cells) {
      if (cell.hidden !== null) expect([cell.value, cell.count, cell.ci]).toEqual([null, null, null]);
      if (cell.count !== null) expect(cell.count === 0 || cell.count >= K).toBe(true);
    }
  }
  if (b.outcome.type === "multi" || b.statistic === "mean") return;
  const options = b.rows.filter((r) => r.kind === "option");
  b.columns.forEach((col, ci) => {
    if (col.n === null || !options.some((r) => r.cells[ci].hidden !== null)) return;
    // base − shown options = the hidden options together, which must not be 1..k−1
    const residual = col.n - options.reduce((s, r) => s + (r.cells[ci].count ?? 0), 0);
    expect(residual === 0 || residual >= K, `column ${col.id} residual ${residual}`).toBe(true);
  });
}

describe("runBanner on the demo", () => {
  test("two segments with a filter: Total + groups, letters within groups, every option a row", async () => {
    const t0 = performance.now();
    const b = await banner({ outcome: "rolled_back", segments: ["guardrail_maturity", "company_size"], filters: { industry: ["Financial services", "Technology"] }, sig: "none" });
    const ms = performance.now() - t0;
    console.log(`banner rolled_back × 2 segments: ${ms.toFixed(0)} ms`);
    bannerResultSchema.parse(b);
    expect(b.columns.map((c) => c.id)).toEqual(["total", "g0c0", "g0c1", "g0c2", "g0c3", "g1c0", "g1c1"]);
    expect(b.columns.slice(1, 5).map((c) => c.label)).toEqual(["Early", "Developing", "Established", "Fully mature"]);
    expect(b.columns.slice(1, 5).map((c) => c.letter).join("")).toBe("ABCD");
    expect(b.rows.map((r) => r.label)).toEqual(["Yes", "No"]);
    // shares of one column add to 1 (single choice, nothing hidden here)
    for (let ci = 0; ci < b.columns.length; ci++) expect(b.rows[0].cells[ci].value! + b.rows[1].cells[ci].value!).toBeCloseTo(1, 10);
    // a letter only names a column of the same group
    const yes = b.rows[0].cells;
    expect(yes.slice(1, 5).some((c) => c.letters !== "")).toBe(true);
    for (const c of yes.slice(5)) expect(c.letters).toMatch(/^[ab]*$/i);
    // each letter comes with the test behind it (for the explanation panel)
    for (const c of yes) expect((c.marks ?? []).map((m) => m.letter).join("")).toBe(c.letters);
    expect(yes.flatMap((c) => c.marks ?? []).every((m) => m.p <= m.adjusted_p && m.adjusted_p < 0.05)).toBe(true);
    expect(b.tests[0]).toMatchObject({ segment: "guardrail_maturity", test: expect.stringContaining("Pearson") });
    expect(b.tests[0].p).toBeLessThan(0.05);
    // the same numbers as the single breakdown of that answer
    const single = await run({ outcome: "rolled_back", outcome_category: "Yes", segment: "guardrail_maturity", filters: { industry: ["Financial services", "Technology"] }, missing_segment: "include_in_total" });
    expect(yes[1].value).toBe(single.segments[0].unweighted?.p);
    expect(yes[1].count).toBe(single.statistic === "proportion" ? single.segments[0].count : NaN);
    expectNoSmallCellRevealed(b);
  });

  test("weighted scale outcome: NET rows and Rao–Scott", async () => {
    const b = await banner({ outcome: "guardrail_maturity", segments: ["country"], weight: "weight", sig: "bonferroni" });
    expect(b.weighted).toBe(true);
    expect(b.rows.map((r) => r.kind)).toEqual(["option", "option", "option", "option", "net", "net"]);
    expect(b.rows[4].codes).toEqual(["Established", "Fully mature"]);
    const c = 0;
    expect(b.rows[4].cells[c].value).toBeCloseTo(b.rows[2].cells[c].value! + b.rows[3].cells[c].value!, 10);
    expect(b.tests[0].test).toBe("Rao–Scott F");
    expect(b.columns[0].effectiveN).toBeLessThan(b.columns[0].n!);
  });

  test("numeric → one mean row; multi-select → one row per option", async () => {
    const q = ds.questions.find((x) => x.type === "numeric");
    if (q) {
      const m = await banner({ outcome: q.id, segments: ["company_size"] });
      expect(m.statistic).toBe("mean");
      expect(m.rows).toHaveLength(1);
      expect(m.rows[0].kind).toBe("mean");
    }
    const multi = ds.questions.find((x) => x.type === "multi")!;
    const b = await banner({ outcome: multi.id, segments: ["company_size"] });
    expect(b.rows).toHaveLength(multi.options.length);
    expect(b.notes.join(" ")).toMatch(/more than 100%/);
  });

  test("narrow filters: no banner cell with 1..k−1 respondents is revealed, directly or by subtraction", async () => {
    const specs = [
      { outcome: "agent_status", segments: ["country", "role"], filters: { industry: ["Retail"], company_size: ["5,000+ employees"] } },
      { outcome: "guardrail_maturity", segments: ["industry", "country"], filters: { country: ["Singapore", "Canada"] } },
      { outcome: "role", segments: ["country"], filters: { industry: ["Healthcare"], guardrail_maturity: ["Fully mature"] } },
    ];
    let hidden = 0;
    for (const s of specs) {
      const b = await banner(s);
      expectNoSmallCellRevealed(b);
      hidden += b.disclosure.suppressedCells;
    }
    expect(hidden).toBeGreaterThan(0);
  });

  test("a wide banner (10 answers × 4 segments = 40 protected crosstabs) has every column", async () => {
    const t0 = performance.now();
    const b = await banner({ outcome: "country", segments: ["industry", "company_size", "role", "guardrail_maturity"], weight: "weight" });
    console.log(`banner country × 4 segments (40 crosstabs): ${(performance.now() - t0).toFixed(0)} ms`);
    expect(b.columns).toHaveLength(1 + 6 + 2 + 4 + 4);
    expect(b.rows).toHaveLength(10);
    expectNoSmallCellRevealed(b);
  });

  test("one GROUP BY shared by every answer (as the server runs it) gives the identical banner", async () => {
    const spec = { outcome: "country", segments: ["industry", "company_size", "role", "guardrail_maturity"], weight: "weight", filters: { agent_status: ["Live in production"] } };
    const shared = withSharedOutcomeSums(store);
    const runShared = async (s: CrosstabSpecInput) => protectCrosstab(await runCrosstab(shared, ds, s), { k: K, sensitive: false, role: "viewer" });
    let t0 = performance.now();
    const plain = await banner(spec);
    const plainMs = performance.now() - t0;
    t0 = performance.now();
    const fast = await runBanner(ds, spec, runShared, { k: K, minBase: 30 });
    console.log(`banner country × 4 segments: ${plainMs.toFixed(0)} ms one query per cell, ${(performance.now() - t0).toFixed(0)} ms shared`);
    // identical up to summation order in the database (1e-12 relative)
    const round = (b: BannerResult) => JSON.parse(JSON.stringify(b, (_k, v: unknown) => (typeof v === "number" ? Number(v.toPrecision(12)) : v)));
    expect(round(fast)).toEqual(round(plain));
  });

  test("bad specs are refused with clear errors", async () => {
    await expect(banner({ outcome: "nope", segments: ["country"] })).rejects.toMatchObject({ code: "unknown_question" });
    await expect(banner({ outcome: "country", segments: ["country"] })).rejects.toMatchObject({ code: "invalid_spec" });
    await expect(banner({ outcome: "country", segments: [] })).rejects.toThrow();
  });
});
