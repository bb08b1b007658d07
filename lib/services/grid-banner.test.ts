/**
 * A grid (rows × one scale) as a banner: one column per row with the row's own base, the scale, NETs
 * and non-substantive answers as rows, every figure the Total of that row's own protected banner.
 */
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bannerToCsv, bannerToGrid } from "@/lib/export/banner-table";
import { divergingLikertData } from "@/lib/analysis/banner-chart-data-stacked";
import { chartKindsFor } from "@/lib/analysis/banner-chart-data-kinds";
import { protectCrosstab } from "@/lib/disclosure";
import { bannerResultSchema, type BannerResult } from "@/lib/schema/banner";
import type { CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import type { Dataset } from "@/lib/schema/dataset";
import { openMemoryStore, type SurveyStore } from "@/lib/store";
import { runBanner } from "./banner";
import { runCrosstab } from "./crosstab";
import { findGrid, gridBanner, rowLabel } from "./grid-banner";
import { importDataset } from "./import-dataset";

const SCALE = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"];
const STEM = "How satisfied are you with";
let store: SurveyStore;
let ds: Dataset;

/** 100 respondents; Price leans satisfied, Service dissatisfied, Speed in the middle; some "Don't know" on Speed. */
function csv(): string {
  const lines = [`id,region,${STEM} [Price],${STEM} [Service],${STEM} [Speed]`];
  for (let i = 0; i < 100; i++) {
    const price = SCALE[[4, 3, 3, 2, 4][i % 5]];
    const service = SCALE[[0, 1, 1, 2, 0][i % 5]];
    const speed = i % 10 === 0 ? "Don't know" : SCALE[[1, 2, 3, 2, 2][i % 5]];
    lines.push(`${i + 1},${i % 2 ? "North" : "South"},${price},${service},${speed}`);
  }
  return lines.join("\n") + "\n";
}

beforeAll(async () => {
  store = await openMemoryStore();
  ds = await importDataset(store, { meta: { id: "grid", name: "grid", owner: "t", synthetic: true, fileName: "grid.csv" }, source: Readable.from([Buffer.from(csv())]) });
}, 60_000);
afterAll(() => store?.close());

const run = async (spec: CrosstabSpecInput) => protectCrosstab(await runCrosstab(store, ds, spec), { k: 5, sensitive: false, role: "viewer" });

async function gridOf(name: string): Promise<BannerResult> {
  const g = findGrid(ds, name)!;
  const perRow = [];
  for (const q of g.rows) perRow.push(await runBanner(ds, { outcome: q.id, segments: ["region"], sig: "none" }, run, { k: 5, minBase: 30 }));
  return gridBanner(ds, g.grid, g.rows, perRow);
}

describe("grid banner", () => {
  test("the import groups the rows (the premise) and a grid id names them", () => {
    const rows = ds.questions.filter((q) => q.grid);
    expect(rows).toHaveLength(3);
    const g = findGrid(ds, rows[0].grid!.id)!;
    expect(g.rows.map((q) => q.id)).toEqual(rows.map((q) => q.id));
    expect(findGrid(ds, "region")).toBeNull();
    expect(rowLabel(`${STEM} [Price]`, STEM)).toBe("Price");
  });

  test("one column per row with its own base; scale, NETs and non-substantive answers as rows; each row's Total", async () => {
    const id = ds.questions.find((q) => q.grid)!.grid!.id;
    const b = await gridOf(id);
    bannerResultSchema.parse(b);
    expect(b.columns.map((c) => c.label)).toEqual(["Price", "Service", "Speed"]);
    // Speed: 10 "Don't know" are out of its base
    expect(b.columns.map((c) => c.n)).toEqual([100, 100, 90]);
    expect(b.rows.filter((r) => r.kind === "option").map((r) => r.label)).toEqual(SCALE);
    const top2 = b.rows.find((r) => r.kind === "net" && r.label.startsWith("Top 2"))!;
    // Price: Satisfied 40 + Very satisfied 40 of 100
    expect(top2.cells[0].value).toBeCloseTo(0.8, 12);
    expect(top2.cells[1].value).toBe(0);
    const dk = b.rows.find((r) => r.kind === "nonsubstantive")!;
    expect(dk.cells[2].count).toBe(10);
    // the same number as that row question's own breakdown
    const single = await run({ outcome: b.columns[1].level!, outcome_category: ["Dissatisfied"], segment: "region", missing_segment: "include_in_total" });
    expect(b.rows.find((r) => r.label === "Dissatisfied")!.cells[1].value).toBe(single.total.unweighted?.p);
  });

  test("the diverging chart draws one bar per row", async () => {
    const b = await gridOf(ds.questions.find((q) => q.grid)!.grid!.id);
    expect(chartKindsFor(b)).toContain("diverging");
    expect(divergingLikertData(b).rows.map((r) => r.label)).toEqual(["Price", "Service", "Speed"]);
  });

  test("exports: one column per row, the scale as rows", async () => {
    const b = await gridOf(ds.questions.find((q) => q.grid)!.grid!.id);
    const csv = bannerToCsv(bannerToGrid(b, { source: "test" }));
    expect(csv).toContain("Price,Service,Speed");
    expect(csv).toMatch(/Top 2 \(Satisfied \+ Very satisfied\),80\.0%,0\.0%/);
  });
});
