/**
 * Banner result → the native PowerPoint chart of the banner deck: the same data the on-screen
 * banner chart and the SVG export draw (lib/analysis/banner-chart-data*), as an editable chart.
 * Hidden cells are never in the data (answer bars leave them out; stacked and diverging charts
 * leave out the whole column, and the base note says so).
 */
import { dotPlotData } from "@/lib/analysis/banner-chart-data-compare";
import { divergingLikertData, stackedBarData } from "@/lib/analysis/banner-chart-data-stacked";
import type { BannerResult } from "@/lib/schema/banner";
import { CATEGORICAL_HEX, DIVERGING_HEX, divergingHex, pptxColor } from "@/lib/format/palette";
import type { BannerChartOptions } from "./banner-chart";
import type { DeckChart } from "./pptx-chart";

const rowLabel = (label: string, group: string | null) => (group ? `${group}: ${label}` : label);

/** Ordered answers shade from disagree to agree; unordered answers take the level hues. */
function stackColors(n: number, ordinal: boolean): string[] {
  return Array.from({ length: n }, (_, i) => {
    if (!ordinal) return pptxColor(CATEGORICAL_HEX[i % CATEGORICAL_HEX.length]);
    const t = n > 1 ? i / (n - 1) : 1;
    return pptxColor(t < 0.5 ? divergingHex("neg", (0.5 - t) * 2) : t > 0.5 ? divergingHex("pos", (t - 0.5) * 2) : DIVERGING_HEX.mid);
  });
}

/**
 * The deck chart for a banner and a chart choice.
 * @example bannerDeckChart(likertByRegion, { chart: "stacked100" }).kind // "stacked"
 */
export function bannerDeckChart(result: BannerResult, o: BannerChartOptions): DeckChart {
  const pct = result.statistic === "proportion";
  if (o.chart === "stacked" || o.chart === "stacked100") {
    const data = stackedBarData(result, o.chart === "stacked" ? "count" : "percent");
    const colors = stackColors(data.series.length, result.outcome.type === "ordinal");
    return {
      kind: "stacked",
      categories: data.rows.map((r) => rowLabel(r.label, r.groupLabel)),
      series: data.series.map((s, i) => ({ name: s.label, values: data.rows.map((r) => r.values[s.id] ?? null), color: colors[i] })),
      unit: data.mode === "percent" ? "%" : "",
      max: data.max,
      decimals: 0,
      totals: data.rows.filter((r) => r.isTotal).map((r) => r.label),
    };
  }
  if (o.chart === "diverging") {
    const data = divergingLikertData(result);
    const byId = new Map(data.series.map((s) => [s.id, s]));
    return {
      kind: "diverging",
      categories: data.rows.map((r) => rowLabel(r.label, r.groupLabel)),
      series: data.segments.map((seg) => {
        const s = byId.get(seg.seriesId);
        const half = seg.id !== seg.seriesId ? " (half)" : "";
        const color = !s || s.side === "mid" ? DIVERGING_HEX.mid : divergingHex(s.side, s.strength);
        return { name: `${s?.label ?? seg.seriesId}${half}`, values: data.rows.map((r) => r.values[seg.id] ?? null), color: pptxColor(color) };
      }),
      unit: "%",
      min: -data.max,
      max: data.max,
      decimals: 0,
    };
  }
  const d = dotPlotData(result, o.row);
  const bars = [...(d.total ? [{ label: "Total", value: d.total.value }] : []), ...d.points.map((p) => ({ label: rowLabel(result.columns.find((c) => c.id === p.key)?.label ?? p.label, p.groupLabel), value: p.value }))];
  return {
    kind: "bar",
    categories: bars.map((b) => (b.value === null ? `${b.label} (n/a)` : b.label)),
    series: [{ name: d.row.label || result.outcome.label, values: bars.map((b) => b.value) }],
    unit: pct ? "%" : "",
    ...(pct ? { max: 100 } : {}),
    totals: d.total ? ["Total"] : [],
  };
}
