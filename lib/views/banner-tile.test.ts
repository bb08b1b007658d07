import { describe, expect, it } from "vitest";
import type { BannerResult } from "@/lib/schema/banner";
import { bannerFigures } from "./banner-tile";

const col = (id: string, label: string, n: number | null, hidden: string | null = null, segment: string | null = "country") => ({
  id,
  segment: id === "total" ? null : segment,
  segmentLabel: id === "total" ? null : "Country",
  level: id === "total" ? null : label,
  label,
  letter: "",
  n,
  weightedN: n,
  effectiveN: n,
  lowBase: false,
  hidden,
});
const cell = (columnId: string, value: number | null, hidden: string | null = null) => ({ columnId, value, ci: value === null ? null : ([value - 0.05, value + 0.05] as [number, number]), count: null, hidden, letters: "" });

const result: BannerResult = {
  outcome: { id: "rolled_back", label: "Rolled back", type: "single" },
  statistic: "proportion",
  weighted: true,
  weighting: { weight: "weight", source: "request" },
  conf_level: 0.95,
  sig: "none",
  columns: [col("total", "Total", 300), col("g0c0", "Germany", 200), col("g0c1", "Malta", null, "< 5")],
  rows: [
    { id: "r0", codes: ["Yes"], label: "Yes", kind: "option", cells: [cell("total", 0.4), cell("g0c0", 0.45), cell("g0c1", null, "< 5")] },
    { id: "r1", codes: ["No"], label: "No", kind: "option", cells: [cell("total", 0.6), cell("g0c0", 0.55), cell("g0c1", null, "< 5")] },
  ],
  tests: [],
  notes: [],
  disclosure: { k: 5, suppressedCells: 2 },
  dataset: { id: "demo", version: 1 },
};

describe("bannerFigures", () => {
  it("keeps hidden cells as '< k' in the table and out of the chart", () => {
    const f = bannerFigures(result, { filters: "" });
    expect(f.table.rows).toEqual([
      { id: "r0", label: "Yes", cells: ["40.0%", "45.0%", "< 5"] },
      { id: "r1", label: "No", cells: ["60.0%", "55.0%", "< 5"] },
    ]);
    expect(f.chart.map((d) => [d.label, d.valueText])).toEqual([
      ["Total", "40.0%"],
      ["Germany", "45.0%"],
    ]);
    expect(f.hiddenCount).toBe(1);
    expect(f.baseNote).toBe("Base: n = 300 respondents · weighted · 95% intervals · 2 cells hidden (small, or protecting a small cell) · chart: “Yes”");
  });
});
