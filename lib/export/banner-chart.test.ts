import { describe, expect, test } from "vitest";
import { likertByRegion, meanByRegion, singleByTwoGroups } from "@/lib/analysis/banner-chart-data.fixtures";
import { unisolate } from "@/lib/format/bidi";
import type { BannerResult } from "@/lib/schema/banner";
import { bannerBaseNote, bannerChartSvg, bannerExportCharts, defaultBannerChart } from "./banner-chart";
import { SVG_ATTRIBUTES, SVG_ELEMENTS } from "./svg";
import { hostileStrings, parseXml } from "./export.fixtures";

/** A result whose hidden cells still carry numbers (as if a bug upstream had left them in). */
function poisoned(result: BannerResult): BannerResult {
  return { ...result, rows: result.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c.hidden !== null ? { ...c, value: 0.987, ci: [0.9, 0.999] as [number, number], count: 77 } : c)) })) };
}

function expectInert(svg: string) {
  const { elements, attributes } = parseXml(svg);
  for (const e of elements) expect(SVG_ELEMENTS.has(e), e).toBe(true);
  for (const a of attributes) expect(SVG_ATTRIBUTES.has(a) && !a.startsWith("on"), a).toBe(true);
  expect(svg).not.toMatch(/<(script|foreignObject|a|img|style|iframe|image|use)[\s>/]/i);
  expect(svg).not.toMatch(/href/i);
}

describe("banner chart export", () => {
  test("which charts suit a result, and the default", () => {
    expect(bannerExportCharts(likertByRegion)).toEqual(["bars", "stacked", "stacked100", "diverging"]);
    expect(defaultBannerChart(likertByRegion)).toBe("diverging");
    expect(bannerExportCharts(singleByTwoGroups)).toEqual(["bars", "stacked", "stacked100"]);
    expect(defaultBannerChart(singleByTwoGroups)).toBe("stacked100");
    expect(defaultBannerChart(meanByRegion)).toBe("bars");
  });

  test("bars: one answer by every visible column, the numbers shown, hidden columns left out", () => {
    const svg = bannerChartSvg(poisoned(singleByTwoGroups), { chart: "bars", row: "r1" });
    expectInert(svg);
    const texts = parseXml(svg).texts.map(unisolate);
    expect(texts).toContain('"Weekly" · Deploy cadence by Guardrail maturity and Country');
    for (const v of ["30.0%", "35.0%", "25.0%"]) expect(texts).toContain(v);
    expect(texts).toContain("ישראל");
    expect(texts).toContain("Country"); // group heading
    expect(texts.some((t) => t.includes("Other"))).toBe(false);
    expect(svg).not.toContain("98.7%");
  });

  test("100% stacked: every answer per column, protected column omitted and named, no hidden number", () => {
    const svg = bannerChartSvg(poisoned(likertByRegion), { chart: "stacked100", filtered: true });
    expectInert(svg);
    const texts = parseXml(svg).texts.map(unisolate);
    // North: 5% is too narrow for a label, but its <title> carries it; 35% is drawn inside the bar
    expect(texts).toContain("North · Strongly disagree: 5.0%");
    expect(texts).toContain("35.0%");
    expect(texts.filter((t) => t === "West")).toHaveLength(0);
    expect(texts.some((t) => /Left out of this chart because part of it is hidden: West/.test(t))).toBe(true);
    expect(texts.some((t) => /Base: all respondents answering \(filtered\), n = 400/.test(t))).toBe(true);
    expect(svg).not.toContain("98.7%");
    // 4 drawn columns × 5 answers, plus the background, 5 legend swatches and the group heading's band
    expect(parseXml(svg).elements.filter((e) => e === "rect")).toHaveLength(1 + 5 + 1 + 4 * 5);
  });

  test("diverging: disagree and agree shares per column, neutral split, hostile labels inert and isolated", () => {
    const hostile = hostileStrings().xss;
    const result: BannerResult = { ...likertByRegion, rows: likertByRegion.rows.map((r, i) => ({ ...r, label: hostile[i] ?? r.label })) };
    const svg = bannerChartSvg(result, { chart: "diverging" });
    expectInert(svg);
    const texts = parseXml(svg).texts;
    expect(texts.map(unisolate)).toContain("20.0% | 60.0%"); // North: 5 + 15 disagree, 35 + 25 agree
    expect(texts.map(unisolate)).toContain("Disagree | Agree");
    for (const label of hostile.slice(0, 5)) expect(texts.some((t) => t.includes(label)), label).toBe(true);
    expect(svg).toContain("&lt;");
  });

  test("means: bars without a percent axis; base note says what was hidden", () => {
    const svg = bannerChartSvg(meanByRegion, { chart: "bars" });
    const texts = parseXml(svg).texts.map(unisolate);
    expect(texts).toContain("4.20");
    expect(texts).toContain("3.10");
    expect(texts.some((t) => t.includes("South"))).toBe(false);
    expect(bannerBaseNote(meanByRegion)).toMatch(/1 cell hidden \(fewer than 5 respondents, or protecting such a cell\)/);
    // counts agree with their nouns (one helper, lib/format/number formatCountOf)
    const two = { ...meanByRegion, disclosure: { ...meanByRegion.disclosure, suppressedCells: 2, k: 1 } };
    expect(bannerBaseNote(two)).toMatch(/2 cells hidden \(fewer than 1 respondent, or/);
    const many = { ...meanByRegion, disclosure: { ...meanByRegion.disclosure, suppressedCells: 1200, k: 10 } };
    expect(bannerBaseNote(many)).toMatch(/1,200 cells hidden \(fewer than 10 respondents, or/);
  });
});
