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
  banner: null,
  baseNote: "Base: n = 300 of 500 respondents · weighted · 95% intervals",
  source: "Demo (synthetic data), version 1",
  analyzeHref: null,
};
const gone: TileData = { status: "unavailable", viewId: "v-0000000000000002", name: "Old view", size: "full", reason: "dataset", message: "Dataset no longer available", analyzeHref: null };

async function slidesOf(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort();
  return Promise.all(names.map((n) => zip.file(n)!.async("string")));
}

describe("dashboardDeck", () => {
  it("writes one slide per tile with title, chart image, base note and source", async () => {
    const slides = await slidesOf(await dashboardDeck({ name: "Exec summary" }, [ready, gone]));
    expect(slides).toHaveLength(2);
    expect(slides[0]).toContain("Rollback by maturity");
    expect(slides[0]).toContain("Base: n = 300 of 500 respondents");
    expect(slides[0]).toContain("Source: Demo (synthetic data), version 1");
    expect(slides[0]).toMatch(/<p:pic>/);
    expect(slides[1]).toContain("Dataset no longer available");
    expect(slides[1]).not.toMatch(/<p:pic>/);
  }, 30_000);
});
