import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { toChartData } from "@/lib/analysis/chart-data";
import { pngSize, svgToPng } from "./png";
import { deckToPptx } from "./pptx";
import { SVG_ATTRIBUTES, SVG_ELEMENTS, chartToSvg, svgSize } from "./svg";
import { hostileStrings, parseXml, row, sampleRows } from "./export.fixtures";
import { isolate, unisolate } from "@/lib/format/bidi";

const xssRows = () => hostileStrings().xss.map((label, i) => row({ label, key: `s${i}`, estimate: 0.1 * (i + 1), ci: [0.05 * (i + 1), 0.15 * (i + 1)] }));

describe("chartToSvg", () => {
  it("parses as XML, uses only allow-listed elements and attributes, and shows every XSS label as text", () => {
    const labels = hostileStrings().xss;
    expect(labels.length).toBeGreaterThanOrEqual(10);
    const svg = chartToSvg({ title: "</text><script>alert(0)</script>", unit: "%", max: 100, data: toChartData(xssRows(), "proportion") });
    const { elements, attributes, texts } = parseXml(svg);
    for (const e of elements) expect(SVG_ELEMENTS.has(e), e).toBe(true);
    for (const a of attributes) {
      expect(SVG_ATTRIBUTES.has(a), a).toBe(true);
      expect(a.startsWith("on")).toBe(false);
    }
    expect(elements).not.toContain("script");
    expect(elements).not.toContain("foreignObject");
    expect(svg).not.toMatch(/<(script|foreignObject|a|img|style|iframe|image|use)[\s>/]/i);
    for (const label of labels) expect(texts.some((t) => t.includes(label)), label).toBe(true);
    expect(texts.map(unisolate)).toContain("</text><script>alert(0)</script>");
    // C26: every user label is bidi-isolated (SVG has no <bdi>)
    expect(texts).toContain(isolate("</text><script>alert(0)</script>"));
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("draws one bar and whisker per defined row, n/a rows without a bar, and a low-base legend", () => {
    const data = toChartData(sampleRows(), "proportion");
    const svg = chartToSvg({ title: "By region", unit: "%", max: 100, data });
    const { elements, texts } = parseXml(svg);
    expect(elements.filter((e) => e === "rect")).toHaveLength(1 + 4); // background + 4 defined bars
    expect(texts).toContain("74.1%");
    expect(texts).toContain("n/a");
    expect(texts).toContain("100%");
    expect(texts.join(" ")).toMatch(/low base/);
    expect(svgSize(svg)).toEqual({ width: 720, height: expect.any(Number) });
  });

  it("handles means, negative values, empty data and control characters", () => {
    const svg = chartToSvg({ data: [{ label: "a\u0000b", value: -1.5, lo: -2, hi: -1, valueText: "-1.50" }, { label: "c", value: 3.2, lo: 3, hi: 3.4, valueText: "3.20" }] });
    expect(parseXml(svg).texts.map(unisolate)).toContain("a\ufffdb");
    expect(() => parseXml(chartToSvg({ data: [] }))).not.toThrow();
  });
});

describe("svgToPng", () => {
  it("rasterises the chart SVG at 2x", async () => {
    const svg = chartToSvg({ title: "t", data: toChartData(sampleRows(), "proportion"), max: 100, unit: "%" });
    const png = await svgToPng(svg, { scale: 2 });
    const size = svgSize(svg);
    expect(pngSize(png)).toEqual({ width: (size?.width ?? 0) * 2, height: (size?.height ?? 0) * 2 });
    expect(pngSize(Buffer.from("not a png"))).toBeNull();
  });
});

describe("deckToPptx", () => {
  const deck = () => ({
    title: "Q3 pulse",
    slides: [
      {
        title: "<img src=x onerror=alert(1)> by region",
        takeaway: "North leads & South trails",
        svg: chartToSvg({ title: "Satisfied", data: toChartData(sampleRows(), "proportion"), max: 100, unit: "%" }),
        baseNote: "Base: all respondents (n = 1,571)",
        source: "pulse.csv",
      },
      { title: "Second view", baseNote: "Base: b", source: "s" },
    ],
  });

  it("is a zip with one slide per view carrying the escaped title, base note, source and the SVG", async () => {
    const zip = await JSZip.loadAsync(await deckToPptx(deck()));
    const slide1 = await zip.file("ppt/slides/slide1.xml")?.async("string");
    expect(slide1).toBeDefined();
    expect(zip.file("ppt/slides/slide2.xml")).not.toBeNull();
    expect(zip.file("ppt/slides/slide3.xml")).toBeNull();
    const { texts } = parseXml(slide1 ?? "");
    expect(texts).toContain("<img src=x onerror=alert(1)> by region");
    expect(texts).toContain("North leads & South trails");
    expect(texts).toContain("Base: all respondents (n = 1,571)");
    expect(texts).toContain("Source: pulse.csv");
    expect(slide1).toContain("svgBlip");
    const media = Object.keys(zip.files).filter((f) => f.startsWith("ppt/media/"));
    expect(media.some((f) => f.endsWith(".svg"))).toBe(true);
  });

  it("embeds PNG charts when given a rasteriser", async () => {
    const zip = await JSZip.loadAsync(await deckToPptx(deck(), { rasterize: (svg) => svgToPng(svg) }));
    const media = Object.keys(zip.files).filter((f) => f.startsWith("ppt/media/"));
    expect(media.some((f) => f.endsWith(".svg"))).toBe(false);
    const png = await zip.file(media.find((f) => f.endsWith(".png")) ?? "")?.async("uint8array");
    expect(png && pngSize(png)).toMatchObject({ width: 1440 });
  });
});
