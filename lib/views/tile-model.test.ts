import { describe, expect, it } from "vitest";
import type { BreakdownSource } from "@/lib/analysis/breakdown-rows";
import { describeFilters, describeView, segmentLabels, tileFigures, type TileQuestion } from "./tile-model";

const Q: TileQuestion[] = [
  { id: "shipped", label: "Shipped?", type: "single", options: [{ code: "Y", label: "Yes" }, { code: "N", label: "No" }] },
  { id: "country", label: "Country", type: "single", options: [{ code: "DE", label: "Germany" }, { code: "FR", label: "France" }] },
  { id: "sat", label: "Satisfaction", type: "ordinal", options: ["1", "2", "3", "4", "5"].map((c) => ({ code: c, label: c })) },
];

const block = (n: number | null, p: number | null, display: string | null = null) => ({
  n,
  display,
  weighted_n: n,
  n_eff_kish: n,
  unweighted: p === null ? null : { p, ci: { wilson: [p - 0.05, p + 0.05] } },
  weighted: null,
});

describe("tile model", () => {
  it("titles and requests like the analyze page", () => {
    const v = describeView({ outcome: "shipped", category: "Y", segment: "country", filters: {} }, Q);
    expect(v.title).toBe("“Yes” · Shipped? by Country");
    expect(v.request).toMatchObject({ endpoint: "crosstab", spec: { outcome: "shipped", outcome_category: "Y", segment: "country", statistic: "proportion" } });
    expect(describeView({ outcome: "sat", category: "__top2", segment: "country", filters: {} }, Q).request?.spec).toMatchObject({ outcome_category: ["4", "5"] });
    expect(describeView({ outcome: "gone", category: "Y", segment: "country", filters: {} }, Q).request).toBeNull();
    expect(describeView({ outcome: "shipped", category: "Y", segment: "gone", filters: {} }, Q).request).toBeNull();
  });

  it("describes filters with labels", () => {
    expect(describeFilters({ country: ["DE", "FR"], shipped: ["Y"] }, Q)).toBe("Country: Germany or France; Shipped?: Yes");
  });

  it("keeps hidden groups out of the chart and says how many are hidden", () => {
    const src: BreakdownSource & { rows: { analytic: number; csv: number } } = {
      statistic: "proportion",
      total: block(120, 0.5),
      segments: [{ ...block(117, 0.5), segment: "DE" }, { ...block(null, null, "< 5"), segment: "FR" }],
      rows: { analytic: 120, csv: 200 },
    };
    const f = tileFigures(src, { weighted: false, minBase: 30, conf: 0.9, filters: "Shipped?: Yes" });
    expect(f.chart.map((d) => d.label)).toEqual(["DE", "Total"]);
    expect(f.chart[1].valueText).toBe("50.0%");
    expect(f.hiddenCount).toBe(1);
    expect(f.baseNote).toBe("Base: n = 120 of 200 respondents · filtered (Shipped?: Yes) · unweighted · 90% intervals · 1 group hidden (small, or protecting a small cell)");
  });

  it("names groups by their answer labels (value labels of codes); a code without one stays as it is", () => {
    const src: BreakdownSource = {
      statistic: "proportion",
      total: block(120, 0.5),
      segments: [{ ...block(60, 0.4), segment: "DE" }, { ...block(60, 0.6), segment: "XX" }],
    };
    const labels = segmentLabels("country", Q);
    expect(labels).toEqual({ DE: "Germany", FR: "France" });
    expect(tileFigures(src, { weighted: false, minBase: 30, conf: 0.95, filters: "", labels }).chart.map((d) => d.label)).toEqual(["Germany", "XX", "Total"]);
    expect(segmentLabels("gone", Q)).toEqual({});
    // a code that is an Object.prototype key is not a label
    expect(tileFigures({ ...src, segments: [{ ...block(60, 0.4), segment: "constructor" }] }, { weighted: false, minBase: 30, conf: 0.95, filters: "", labels }).chart[0].label).toBe("constructor");
  });
});
