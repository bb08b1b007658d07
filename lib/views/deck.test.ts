import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { dashboardDeck } from "./deck";
import type { TileData } from "./tile-model";

const ready: TileData = {
  status: "ready",
  viewId: "v-0000000000000001",
  name: "Rollback by maturity",
  size: "half",
  datasetId: "demo",
  datasetName: "Demo",
  title: "“Yes” · Rolled back by Guardrail maturity",
  statistic: "proportion",
  nps: false,
  chart: [
    { key: "total", label: "Total", value: 40, lo: 35, hi: 45, n: 300, isTotal: true, lowBase: false, valueText: "40.0%", ciText: "35.0–45.0%", baseText: "n = 300" },
    { key: "s0", label: "Mature", value: 20, lo: 15, hi: 26, n: 120, isTotal: false, lowBase: false, valueText: "20.0%", ciText: "15.0–26.0%", baseText: "n = 120" },
  ],
  hiddenCount: 1,
  references: [{ value: 74, label: "Sinch 74%", figureId: "sinch-rollback" }],
  banner: null,
  bannerResult: null,
  chartKind: null,
  baseNote: "Base: n = 300 of 500 respondents · weighted · 95% intervals",
  source: "Demo (synthetic data), version 1",
  analyzeHref: null,
};
const gone: TileData = { status: "unavailable", viewId: "v-0000000000000002", name: "Old view", size: "full", reason: "dataset", message: "Dataset no longer available", analyzeHref: null };

async function partsOf(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const read = (re: RegExp) => {
    const names = Object.keys(zip.files).filter((n) => re.test(n)).sort((a, b) => Number(a.match(/\d+/)?.[0]) - Number(b.match(/\d+/)?.[0]));
    return Promise.all(names.map((n) => zip.file(n)!.async("string")));
  };
  return { slides: await read(/^ppt\/slides\/slide\d+\.xml$/), charts: await read(/^ppt\/charts\/chart\d+\.xml$/) };
}

const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);

describe("dashboardDeck", () => {
  it("a cover, then one slide per tile: title once, a takeaway, a native chart, base note and source", async () => {
    const { slides, charts } = await partsOf(await dashboardDeck({ name: "Exec summary", description: "Where agents are live" }, [ready, gone]));
    expect(slides).toHaveLength(3);
    expect(texts(slides[0])).toContain("Exec summary");
    const tile = texts(slides[1]);
    expect(tile.filter((t) => t === "Rollback by maturity")).toHaveLength(1);
    expect(tile.some((t) => t.startsWith("“Yes” · Rolled back by Guardrail maturity: 40.0% overall"))).toBe(true);
    expect(tile).toContain("Base: n = 300 of 500 respondents · weighted · 95% intervals");
    expect(tile).toContain("Source: Demo (synthetic data), version 1");
    expect(slides[1]).toMatch(/<p:graphicFrame>[\s\S]*c:chart/);
    expect(slides[1]).not.toMatch(/<p:pic>/);
    expect(texts(slides[2]).join(" ")).toContain("Dataset no longer available");
    expect(charts).toHaveLength(1);
  }, 30_000);

  it("the native chart keeps the screen's order, hides nothing more, and draws the benchmark line", async () => {
    const { slides, charts } = await partsOf(await dashboardDeck({ name: "Exec summary" }, [ready]));
    const cats = [...charts[0].matchAll(/<c:cat>[\s\S]*?<\/c:cat>/g)][0][0];
    // handed over bottom-up so PowerPoint draws Total on top, then Mature
    expect(texts(cats.replace(/c:v>/g, "a:t>"))).toEqual(["Mature", "Total"]);
    expect(charts[0]).toMatch(/<c:barDir val="bar"\/>/);
    expect(charts[0]).toContain('formatCode="0.0&quot;%&quot;');
    expect(texts(slides[1])).toContain("Sinch 74%");
    expect(slides[1]).toMatch(/prstDash val="dash"/);
  }, 30_000);

  it("a text tile is a text slide: its first line as the title, the rest as the takeaway", async () => {
    const note: TileData = { status: "text", viewId: "t-0000000000000001", name: "Text: Why it matters", size: "full", text: "Why it matters\nMature guardrails catch more failures.", analyzeHref: null };
    const { slides, charts } = await partsOf(await dashboardDeck({ name: "Exec" }, [note]));
    expect(slides).toHaveLength(2);
    expect(texts(slides[1])).toEqual(expect.arrayContaining(["Why it matters", "Mature guardrails catch more failures."]));
    expect(charts).toHaveLength(0);
  }, 30_000);

  it("labels carry no invisible bidi marks and every chart font is readable", async () => {
    const rtl: TileData = { ...ready, name: "\u2068ישראל\u2069 rollout", chart: ready.status === "ready" ? ready.chart.map((d) => ({ ...d, label: `\u202E${d.label}` })) : [] } as TileData;
    const { slides, charts } = await partsOf(await dashboardDeck({ name: "Exec" }, [rtl]));
    expect(slides.join("") + charts.join("")).not.toMatch(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
    const sizes = [...charts[0].matchAll(/sz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
  }, 30_000);
});

describe("banner tiles in the deck", () => {
  it("keep the saved chart kind where the deck draws it natively, else answer bars", async () => {
    const { exportChartOf } = await import("./deck");
    const { likertByRegion, singleByTwoGroups } = await import("@/lib/analysis/banner-chart-data.fixtures");
    expect(exportChartOf("stacked100", singleByTwoGroups)).toBe("stacked100");
    expect(exportChartOf("diverging", likertByRegion)).toBe("diverging");
    expect(exportChartOf("dot", likertByRegion)).toBe("bars");
    expect(exportChartOf(null, likertByRegion)).toBe("diverging");
  });

  it("the saved chart type survives the URL state of the analyze page", async () => {
    const { parseBreakdownState, serializeBreakdownState } = await import("@/lib/analysis/breakdown-state");
    const s = parseBreakdownState(new URLSearchParams("view=banner&outcome=q&segments=a,b&chart=stacked100"));
    expect(s.chart).toBe("stacked100");
    expect(serializeBreakdownState(s).get("chart")).toBe("stacked100");
    const unknown = parseBreakdownState(new URLSearchParams("outcome=q&chart=pie"));
    expect([unknown.outcome, unknown.chart]).toEqual(["q", undefined]);
  });
});
