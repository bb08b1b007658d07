import { describe, expect, test } from "vitest";
import { bannerResultSchema } from "@/lib/schema/banner";
import { columnBaseText, columnGroups, groupedBarData, niceMax, toBannerDatum } from "./banner-chart-data";
import { answerBars, dotPlotData, niceDomain, trendData } from "./banner-chart-data-compare";
import { chartToSvg } from "@/lib/export/svg";
import { chartKindsFor, timeGroup } from "./banner-chart-data-kinds";
import { chronological, timeKey, timePositions } from "./banner-chart-data-time";
import { divergingLikertData, divergingTicks, likertSides, stackedBarData } from "./banner-chart-data-stacked";
import { likertByRegion, meanByRegion, multiByRegion, singleByTwoGroups, yesByWave } from "./banner-chart-data.fixtures";

/** Every number any transform would draw, to check hidden cells never reach a chart. */
function drawn(values: Record<string, number | null>[]): number[] {
  return values.flatMap((v) => Object.values(v)).filter((x): x is number => typeof x === "number");
}

describe("fixtures", () => {
  test("are valid banner results", () => {
    for (const r of [likertByRegion, singleByTwoGroups, yesByWave, meanByRegion, multiByRegion]) expect(() => bannerResultSchema.parse(r)).not.toThrow();
  });
});

describe("toBannerDatum", () => {
  const [row] = likertByRegion.rows;
  test("puts shares on the percent scale with the table's texts", () => {
    const d = toBannerDatum(likertByRegion, row, likertByRegion.columns[1]);
    expect(d).toMatchObject({ key: "r0:g0c0", value: 5, lo: 0, hi: 10, n: 120, count: 6, isTotal: false, valueText: "5.0%", ciText: "0.0–10.0%", countText: "6 chose this", baseText: "n = 120" });
  });
  test("returns null for a hidden cell and for a hidden column", () => {
    expect(toBannerDatum(likertByRegion, row, likertByRegion.columns[4])).toBeNull();
    const other = singleByTwoGroups.columns.find((c) => c.id === "g1c2")!;
    expect(toBannerDatum(singleByTwoGroups, singleByTwoGroups.rows[0], other)).toBeNull();
  });
  test("formats means with two decimals and no count", () => {
    const d = toBannerDatum(meanByRegion, meanByRegion.rows[0], meanByRegion.columns[0]);
    expect(d).toMatchObject({ value: 4.2, valueText: "4.20", ciText: "3.90–4.50", count: null, countText: "", isTotal: true });
  });
  test("base text shows weighted and effective bases only when they differ", () => {
    expect(columnBaseText(singleByTwoGroups.columns[0])).toBe("n = 500, weighted 520");
    expect(columnBaseText({ ...singleByTwoGroups.columns[0], effectiveN: 431.4 })).toBe("n = 500, weighted 520, effective 431");
  });
});

describe("groupedBarData", () => {
  test("Total is s0, then the chosen group's levels", () => {
    const g = groupedBarData(singleByTwoGroups, 1);
    expect(g.group).toEqual({ index: 1, label: "Country" });
    // "Other" is hidden as a whole: no series for it
    expect(g.series.map((s) => [s.id, s.label, s.isTotal])).toEqual([["s0", "Total", true], ["s1", "United States", false], ["s2", "ישראל", false]]);
    expect(g.rows.map((r) => r.key)).toEqual(["r0", "r1", "r2", "r3"]);
    expect(g.rows[0].values).toEqual({ s0: 50, s1: expect.closeTo(55), s2: 45 });
    expect(g.rows[0].errors.s1[0]).toBeCloseTo(5);
    expect(g.rows[0].errors.s1[1]).toBeCloseTo(5);
    expect(g.max).toBe(100); // NET 85% + 5 → 100
  });
  test("share axes stop at a round value above the visible whiskers", () => {
    expect(groupedBarData(yesByWave).max).toBe(80); // top whisker 79%
    expect(groupedBarData({ ...likertByRegion, rows: likertByRegion.rows.slice(0, 2) }).max).toBe(30); // top whisker 30%
  });
  test("a hidden cell is absent from values, data and the axis; the table shows its mark", () => {
    const g = groupedBarData(likertByRegion);
    expect(g.series).toHaveLength(5);
    expect("s4" in g.rows[0].values).toBe(false);
    expect(g.rows[0].data.s4).toBeUndefined();
    expect(g.rows[1].values.s4).toBe(20);
    expect(g.table.columns).toEqual(["Total", "North", "South", "East", "West"]);
    expect(g.table.rows[0].cells[4]).toEqual({ text: "< 5", ci: null, base: null });
    expect(g.table.rows[0].cells[1]).toEqual({ text: "5.0%", ci: "0.0–10.0%", base: "n = 120" });
  });
  test("means get an axis from visible values only", () => {
    const g = groupedBarData(meanByRegion);
    expect(g.series.map((s) => s.label)).toEqual(["Total", "North"]);
    expect(g.max).toBe(5); // hi 4.5 → 5
    expect(g.scale.unit).toBe("");
  });
  test("multi-select answers are sorted by the Total, largest first (bars and table)", () => {
    const flipped = { ...multiByRegion, rows: [...multiByRegion.rows].reverse() };
    expect(groupedBarData(flipped).rows.map((r) => r.label)).toEqual(["Feature flags", "Canary"]);
    expect(groupedBarData(flipped).table.rows.map((r) => r.label)).toEqual(["Feature flags", "Canary"]);
    // single-choice keeps the option order
    expect(groupedBarData(singleByTwoGroups).rows.map((r) => r.label)[0]).toBe("Daily");
  });
  test("falls back to the first group for an unknown index", () => {
    expect(groupedBarData(singleByTwoGroups, 9).group?.label).toBe("Guardrail maturity");
  });
});

describe("stackedBarData", () => {
  test("100% mode: one bar per fully shown column, answers as series, NET rows left out", () => {
    const s = stackedBarData(singleByTwoGroups, "percent");
    expect(s.series.map((x) => x.label)).toEqual(["Daily", "Weekly", "Monthly or less"]);
    expect(s.rows.map((r) => r.label)).toEqual(["Total", "Low", "High", "United States", "ישראל"]);
    expect(s.rows[1]).toMatchObject({ groupLabel: "Guardrail maturity", values: { s0: 40, s1: 35, s2: 25 }, texts: { s0: "40.0%" } });
    expect(s.omitted).toEqual(["Other"]);
    expect(s.max).toBe(100);
    for (const r of s.rows) expect(Object.values(r.values).reduce((a, b) => a + b, 0)).toBeCloseTo(100);
  });
  test("count mode draws respondents (unweighted) and leaves out columns with a hidden cell", () => {
    const s = stackedBarData(likertByRegion, "count");
    expect(s.omitted).toEqual(["West"]);
    expect(s.rows.map((r) => r.key)).toEqual(["total", "g0c0", "g0c1", "g0c2"]);
    expect(s.rows[1].values).toEqual({ s0: 6, s1: 18, s2: 24, s3: 42, s4: 30 });
    expect(s.rows[1].texts.s3).toBe("42");
    expect(s.max).toBe(400); // Total bar = 400 respondents
    expect(drawn(s.rows.map((r) => r.values)).length).toBe(20);
  });
  test("count mode of a weighted result draws share × weighted base", () => {
    const s = stackedBarData(singleByTwoGroups, "count");
    expect(s.rows[0].values.s0).toBeCloseTo(260);
    expect(s.rows[0].texts.s0).toBe("260");
  });
  test("the table keeps every column, hidden ones marked", () => {
    const s = stackedBarData(likertByRegion, "percent");
    expect(s.table.columns).toHaveLength(5);
    expect(s.table.rows.find((r) => r.label === "West")?.cells.map((c) => c.text)).toEqual(["< 5", "20.0%", "15.0%", "30.0%", "30.0%"]);
  });
});

describe("divergingLikertData", () => {
  test("sides of odd and even scales", () => {
    expect(likertSides(5)).toEqual(["neg", "neg", "mid", "pos", "pos"]);
    expect(likertSides(4)).toEqual(["neg", "neg", "pos", "pos"]);
    expect(likertSides(7).filter((s) => s === "mid")).toHaveLength(1);
  });
  test("disagree negative, agree positive, neutral split in half across zero", () => {
    const d = divergingLikertData(likertByRegion);
    const north = d.rows.find((r) => r.key === "g0c0")!;
    expect(north.values).toEqual({ s0: -5, s1: -15, s2n: -10, s2p: 10, s3: 35, s4: 25 });
    expect(north.negText).toBe("20.0%");
    expect(north.posText).toBe("60.0%");
    // stacking order from zero outwards on each side
    expect(d.segments.map((s) => s.id)).toEqual(["s2n", "s1", "s0", "s2p", "s3", "s4"]);
    expect(d.series.map((s) => [s.side, s.strength])).toEqual([["neg", 1], ["neg", 0.5], ["mid", 0], ["pos", 0.5], ["pos", 1]]);
  });
  test("each bar spans 100 points; axis symmetric from visible columns; hidden column omitted", () => {
    const d = divergingLikertData(likertByRegion);
    for (const r of d.rows) expect(Object.values(r.values).reduce((a, b) => a + Math.abs(b), 0)).toBeCloseTo(100);
    expect(d.omitted).toEqual(["West"]);
    // widest side: North agree 60 + half neutral 10 = 70
    expect(d.max).toBe(70);
    expect(d.ticks).toEqual([-60, -40, -20, 0, 20, 40, 60]);
    expect(divergingTicks(100)).toEqual([-100, -75, -50, -25, 0, 25, 50, 75, 100]);
    expect(divergingTicks(30)).toEqual([-30, -20, -10, 0, 10, 20, 30]);
  });
});

describe("dotPlotData", () => {
  test("every visible level of every group against the Total", () => {
    const d = dotPlotData(singleByTwoGroups, "r0");
    expect(d.row).toEqual({ id: "r0", label: "Daily" });
    expect(d.points.map((p) => [p.label, p.value])).toEqual([["Low", 40], ["High", 60], ["United States", expect.closeTo(55)], ["ישראל", 45]]);
    expect(d.total?.valueText).toBe("50.0%");
    expect(d.domain).toEqual([30, 70]); // CIs 35–65, steps of 10
    expect(d.table.rows.map((r) => r.cells[0].text)).toEqual(["50.0%", "40.0%", "60.0%", "55.0%", "45.0%", "< 5"]);
  });
  test("a hidden cell gives no point and does not widen the axis", () => {
    const d = dotPlotData(likertByRegion, "r0");
    expect(d.points.map((p) => p.key)).toEqual(["g0c0", "g0c1", "g0c2"]);
    expect(d.domain[1]).toBeLessThanOrEqual(25);
  });
  test("labels repeated across groups carry their group", () => {
    const twice = { ...singleByTwoGroups, columns: singleByTwoGroups.columns.map((c) => (c.id === "g1c0" ? { ...c, label: "Low" } : c)) };
    expect(dotPlotData(twice).points.map((p) => p.label).slice(0, 3)).toEqual(["Low · Guardrail maturity", "High", "Low · Country"]);
  });
});

describe("time axis and trendData", () => {
  test("timeKey reads years, months, dates, quarters, month names and waves", () => {
    expect(timeKey("2024")).toBe(20240000);
    expect(timeKey("2024-03")).toBe(20240300);
    expect(timeKey("2024-03-15")).toBe(20240315);
    expect(timeKey("2024-Q2")).toBe(20240400);
    expect(timeKey("Q2 2024")).toBe(20240400);
    expect(timeKey("March 2024")).toBe(20240300);
    expect(timeKey("Wave 3")).toBe(3);
    expect(timeKey("North")).toBeNull();
    expect(timeKey("1000")).toBeNull();
    expect(timeKey("2024-13")).toBeNull();
  });
  test("a wave group is sorted chronologically; a region group is not a time axis", () => {
    expect(timeGroup(yesByWave)?.columns.map((c) => c.label)).toEqual(["2024-Q1", "2024-Q3", "2024-Q4", "2025-Q1"]);
    expect(timeGroup(likertByRegion)).toBeNull();
  });
  test("every chart lists time-like levels chronologically", () => {
    expect(groupedBarData(yesByWave).series.map((s) => s.label)).toEqual(["Total", "2024-Q1", "2024-Q3", "2024-Q4"]); // 2025-Q1: every cell hidden
    expect(stackedBarData(yesByWave, "percent").rows.map((r) => r.label)).toEqual(["Total", "2024-Q1", "2024-Q3", "2024-Q4"]);
    expect(chronological(likertByRegion.columns.slice(1))).toBeNull();
    expect(timePositions(yesByWave.columns.slice(1, 3))).toEqual([2024 * 12 + 6, 2024 * 12]);
    expect(timePositions(likertByRegion.columns.slice(1))).toEqual([0, 1, 2, 3]);
  });
  test("a date segment type or a time-like name keeps the option order", () => {
    expect(timeGroup(likertByRegion, { segmentTypes: { region: "date" } })?.columns.map((c) => c.label)).toEqual(["North", "South", "East", "West"]);
    const named = { ...likertByRegion, columns: likertByRegion.columns.map((c) => (c.segment ? { ...c, segmentLabel: "Survey wave" } : c)) };
    expect(timeGroup(named)?.group.label).toBe("Survey wave");
  });
  test("trend points in time order with bands; the hidden wave is left out", () => {
    const t = trendData(yesByWave, "r0")!;
    expect(t.group.label).toBe("Survey round");
    expect(t.points.map((p) => [p.label, p.value])).toEqual([["2024-Q1", 65], ["2024-Q3", 72], ["2024-Q4", 74]]);
    expect(t.points[0].band?.map((x) => Math.round(x))).toEqual([60, 70]);
    expect(t.omitted).toEqual(["2025-Q1"]);
    // months since year 0: Q1 → Jan, Q3 → Jul, Q4 → Oct (uneven gaps stay uneven)
    expect(t.points.map((p) => p.t - t.points[0].t)).toEqual([0, 6, 9]);
    expect(t.total?.valueText).toBe("70.0%");
    expect(t.table.rows.map((r) => r.label)).toEqual(["Total", "Survey round: 2024-Q1", "Survey round: 2024-Q3", "Survey round: 2024-Q4", "Survey round: 2025-Q1"]);
    expect(trendData(likertByRegion)).toBeNull();
  });
});

describe("chartKindsFor", () => {
  test("Likert outcome: all but trend", () => {
    expect(chartKindsFor(likertByRegion)).toEqual(["grouped", "stacked", "stacked100", "diverging", "dot"]);
  });
  test("single choice: stacks but no diverging", () => {
    expect(chartKindsFor(singleByTwoGroups)).toEqual(["grouped", "stacked", "stacked100", "dot"]);
  });
  test("wave segment adds trend", () => {
    expect(chartKindsFor(yesByWave)).toEqual(["grouped", "stacked", "stacked100", "dot", "trend"]);
  });
  test("means and multi-select never stack", () => {
    expect(chartKindsFor(meanByRegion)).toEqual(["grouped", "dot"]);
    expect(chartKindsFor(multiByRegion)).toEqual(["grouped", "dot"]);
  });
  test("a subset of answers (not summing to 100%) does not stack", () => {
    const subset = { ...singleByTwoGroups, rows: singleByTwoGroups.rows.slice(0, 2) };
    expect(chartKindsFor(subset)).toEqual(["grouped", "dot"]);
  });
  test("nothing shown → no kinds", () => {
    const hidden = { ...meanByRegion, rows: meanByRegion.rows.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, value: null, ci: null, hidden: "< 5" })) })) };
    expect(chartKindsFor(hidden)).toEqual([]);
  });
  test("columnGroups keeps banner order", () => {
    expect(columnGroups(singleByTwoGroups).map((g) => [g.label, g.columns.length])).toEqual([["Guardrail maturity", 2], ["Country", 3]]);
  });
});

describe("axis helpers", () => {
  test("niceMax and niceDomain", () => {
    expect(niceMax([3.2, 4.61])).toBe(5);
    expect(niceMax([null, 0])).toBe(1);
    expect(niceMax([412])).toBe(500);
    expect(niceMax([520])).toBe(600);
    expect(niceMax([0.3])).toBe(0.3);
    expect(niceDomain([42.1, 61.7], 100)).toEqual([40, 65]);
    expect(niceDomain([95, 100], 100)).toEqual([94, 100]);
    expect(niceDomain([], 100)).toEqual([0, 100]);
  });
});

describe("answerBars (server-side export)", () => {
  test("Total then visible levels, hidden ones left out, and chartToSvg accepts them", () => {
    const bars = answerBars(likertByRegion, "r0");
    expect(bars.map((b) => [b.label, b.valueText, b.isTotal])).toEqual([
      ["Total", "10.0%", true],
      ["Region: North", "5.0%", false],
      ["Region: South", "15.0%", false],
      ["Region: East", "10.0%", false],
    ]);
    const svg = chartToSvg({ title: "Strongly disagree by region", unit: "%", max: 100, data: bars });
    expect(svg).toContain("Region: North");
    expect(svg).not.toContain("West");
    expect(svg).not.toMatch(/foreignObject|<script/i);
  });
});
