import JSZip from "jszip";
import { describe, expect, test } from "vitest";
import { likertByRegion, likertWithNonSubstantive, singleByTwoGroups } from "@/lib/analysis/banner-chart-data.fixtures";
import { unisolate } from "@/lib/format/bidi";
import type { BannerResult } from "@/lib/schema/banner";
import { bannerSlideTable, bannerToPptx } from "./banner-pptx";
import { parseXml } from "./export.fixtures";
import { lettersRule } from "@/lib/stats/letters-rule";

const poisoned = (result: BannerResult): BannerResult => ({
  ...result,
  rows: result.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c.hidden !== null ? { ...c, value: 0.987, count: 77 } : c)) })),
});

async function slides(buf: Buffer): Promise<{ names: string[]; xml: string[] }> {
  const zip = await JSZip.loadAsync(buf);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort();
  return { names, xml: await Promise.all(names.map((n) => zip.file(n)!.async("string"))) };
}

describe("banner PPTX", () => {
  test("native table: groups spanning their columns, letters, bases, hidden marks", () => {
    const t = bannerSlideTable(poisoned(singleByTwoGroups));
    const plain = (c: { text: string | { text: string }[] }) => unisolate(typeof c.text === "string" ? c.text : c.text.map((r) => r.text).join(""));
    expect(t.rows[0].map(plain)).toEqual(["", "", "Guardrail maturity", "Country"]);
    expect(t.rows[0].map((c) => c.colspan)).toEqual([undefined, undefined, 2, 3]);
    expect(t.rows[1].map(plain)).toEqual(["Answer", "Total", "Low (A)", "High (B)", "United States (A)", "ישראל (B)", "Other (C)"]);
    expect(t.rows[2].map(plain)).toEqual(["Base (n)", "500 (wtd 520)", "200 (wtd 210)", "300 (wtd 310)", "280 (wtd 300)", "218", "< 5"]);
    expect(t.rows[3].map(plain)).toEqual(["Daily", "50.0%", "40.0%", "60.0%", "55.0%", "45.0%", "< 5"]);
    expect(t.rows.flat().map(plain).join(" ")).not.toContain("98.7");
    expect(t.colW?.reduce((a, b) => a + b, 0)).toBeCloseTo(9, 5);
  });

  test("two slides: a native diverging chart with title and base note, then the table with letters and source", async () => {
    const buf = await bannerToPptx(poisoned(likertByRegion), { chart: "diverging", source: "Demo (synthetic data), version 1" });
    const { names, xml } = await slides(buf);
    expect(names).toHaveLength(2);
    const [one, two] = xml.map((x) => parseXml(x).texts.map(unisolate));
    expect(one).toContain("I trust automated rollbacks by Region");
    expect(one.some((t) => /^Base: all respondents answering, n = 400\. Unweighted\./.test(t))).toBe(true);
    expect(one).toContain("Source: Demo (synthetic data), version 1");
    expect(xml[0]).not.toContain("<p:pic>");
    expect(xml[0]).toMatch(/<p:graphicFrame>[\s\S]*c:chart/);
    expect(xml[1]).toContain("<a:tbl>");
    expect(two).toContain("Strongly disagree");
    expect(two).toContain("West (D)");
    expect(two).toContain("< 5");
    expect(two).toContain("35.0%");
    expect(two).toContain(" B"); // Agree × North is higher than South
    // the rule the banner screen states (lib/stats/letters-rule), word for word
    const rule = lettersRule({ test: likertByRegion.weighted ? "weighted_z" : "unweighted", correction: likertByRegion.sig, banner: true });
    expect(two.some((t) => t.includes(rule)), two.join("\n")).toBe(true);
    expect(xml.join("")).not.toContain("98.7");
    expect(xml.join("")).not.toMatch(/[\u2066-\u2069\u202A-\u202E]/);
    const zip = await JSZip.loadAsync(buf);
    const chart = await zip.file(/^ppt\/charts\/chart\d+\.xml$/)[0].async("string");
    expect(chart).toMatch(/<c:grouping val="stacked"\/>/);
    // hidden cells never reach the chart's data; the disagree pieces sit left of zero
    expect(chart).not.toContain("98.7");
    expect(chart).toMatch(/<c:v>-\d/);
  });

  test("every export chart kind is a native chart with the columns on screen", async () => {
    for (const chart of ["bars", "stacked", "stacked100"] as const) {
      const buf = await bannerToPptx(singleByTwoGroups, { chart, source: "Demo" });
      const zip = await JSZip.loadAsync(buf);
      const xml = await zip.file(/^ppt\/charts\/chart\d+\.xml$/)[0].async("string");
      expect(xml, chart).toContain("<c:barChart>");
      expect(xml, chart).toContain("Guardrail maturity: Low");
      expect(xml, chart).not.toContain("Other"); // hidden column (n < 5) is left out
    }
  });

  test("answers out of the base: their own table rows, labelled; named in the chart's base note, not drawn", async () => {
    const t = bannerSlideTable(likertWithNonSubstantive);
    const plain = (c: { text: string | { text: string }[] }) => unisolate(typeof c.text === "string" ? c.text : c.text.map((r) => r.text).join(""));
    expect(t.rows.slice(-2).map((r) => plain(r[0]))).toEqual(["Don't know (not in the base)", "Prefer not to say (not in the base)"]);
    const { xml } = await slides(await bannerToPptx(likertWithNonSubstantive, { chart: "diverging", source: "Demo" }));
    const one = parseXml(xml[0]).texts.map(unisolate);
    expect(one.some((x) => x.includes("Not in the base (shares of everyone who answered, Total): Don't know 12.5%, Prefer not to say 5.0%."))).toBe(true);
    const zip = await JSZip.loadAsync(await bannerToPptx(likertWithNonSubstantive, { chart: "diverging", source: "Demo" }));
    const chart = await zip.file(/^ppt\/charts\/chart\d+\.xml$/)[0].async("string");
    expect(chart).not.toContain("know");
    expect(chart).toContain("Strongly agree");
  });
});
