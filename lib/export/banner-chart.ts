/**
 * Banner result → chart SVG for the SVG/PNG/PPTX downloads: the same data the on-screen banner
 * chart draws (lib/analysis/banner-chart-data*), drawn by the allow-listed builders in ./svg.
 * - `bars`: one answer's share (or mean) in the Total and every visible column (as answerBars, with
 *   group headings), with whiskers;
 * - `stacked` / `stacked100`: every answer stacked per column (respondents / 100%);
 * - `diverging`: a Likert outcome centred on its midpoint.
 * Small-cell protection: hidden cells are never drawn (answerBars leaves them out; stacked and
 * diverging leave out the whole column and say so in a note), exactly as on screen.
 */
import { columnBaseText, totalColumn, type BannerDatum } from "@/lib/analysis/banner-chart-data";
import { dotPlotData } from "@/lib/analysis/banner-chart-data-compare";
import { chartKindsFor } from "@/lib/analysis/banner-chart-data-kinds";
import { bannerRowLabel, notInBaseNote } from "@/lib/analysis/banner-view";
import { divergingLikertData, stackedBarData } from "@/lib/analysis/banner-chart-data-stacked";
import type { BannerResult } from "@/lib/schema/banner";
import { formatCountOf } from "@/lib/format/number";
import { stackedChartToSvg, type SvgStackRow, type SvgStackSeries } from "./banner-svg";
import { chartToSvg, type SvgBarDatum } from "./svg";
import { CATEGORICAL_HEX, DIVERGING_HEX, INK, NEEDS_DARK_INK, divergingHex } from "@/lib/format/palette";

export const BANNER_EXPORT_CHARTS = ["bars", "stacked", "stacked100", "diverging"] as const;
export type BannerExportChart = (typeof BANNER_EXPORT_CHARTS)[number];

export interface BannerChartOptions {
  chart: BannerExportChart;
  /** banner row id for `bars` (default: the first row) */
  row?: string;
  /** the spec had filters (said in the base note) */
  filtered?: boolean;
}

/**
 * The export charts that suit a result (the on-screen kinds the server can draw).
 * @example bannerExportCharts(likertByRegion) // ["bars", "stacked", "stacked100", "diverging"]
 */
export function bannerExportCharts(result: BannerResult): BannerExportChart[] {
  const kinds = chartKindsFor(result);
  if (!kinds.length) return [];
  return ["bars", ...BANNER_EXPORT_CHARTS.filter((k) => k !== "bars" && kinds.includes(k))];
}

/**
 * The chart a download gets when none is asked for: diverging for a Likert outcome, else 100%
 * stacked when the answers partition respondents, else one answer's bars.
 * @example defaultBannerChart(singleByTwoGroups) // "stacked100"
 */
export function defaultBannerChart(result: BannerResult): BannerExportChart {
  const kinds = bannerExportCharts(result);
  return kinds.includes("diverging") ? "diverging" : kinds.includes("stacked100") ? "stacked100" : "bars";
}

/**
 * Title of the exported chart (plain text; the builders isolate it).
 * @example bannerChartTitle(result, { chart: "bars", row: "r0" }) // '"Daily" · Deploy cadence by Guardrail maturity and Country'
 */
export function bannerChartTitle(result: BannerResult, o: Pick<BannerChartOptions, "chart" | "row">): string {
  const groups = [...new Set(result.columns.flatMap((c) => (c.segmentLabel ? [c.segmentLabel] : [])))].join(" and ");
  if (o.chart === "bars") {
    const row = result.rows.find((r) => r.id === o.row) ?? result.rows[0];
    // the answer first (as the breakdown export does), so a long question cannot push it out of view
    return `${row && row.kind !== "mean" ? `"${bannerRowLabel(row)}" · ` : ""}${result.outcome.label} by ${groups}`;
  }
  const what = o.chart === "stacked" ? (result.weighted ? " (weighted respondents)" : " (respondents)") : "";
  return `${result.outcome.label}${what} by ${groups}`;
}

/**
 * The base note under the chart and on the slides.
 * @example bannerBaseNote(result) // "Base: all respondents answering, n = 500, weighted 520. Weighted. 95% confidence intervals."
 */
export function bannerBaseNote(result: BannerResult, filtered = false): string {
  const total = totalColumn(result);
  const hidden = result.disclosure.suppressedCells;
  return [
    total ? `Base: all respondents answering${filtered ? " (filtered)" : ""}, ${total.hidden ? `n ${total.hidden}` : columnBaseText(total)}.` : "",
    result.weighted ? "Weighted." : "Unweighted.",
    `${Math.round(result.conf_level * 100)}% confidence intervals.`,
    hidden ? `${formatCountOf(hidden, "cell")} hidden (fewer than ${formatCountOf(result.disclosure.k, "respondent")}, or protecting such a cell) and not drawn.` : "",
    notInBaseNote(result),
  ]
    .filter(Boolean)
    .join(" ");
}

// the app's one chart palette, so exports match the screen
const MID = DIVERGING_HEX.mid;
/** dark value text on light fills (a light diverging shade, the grey middle, the yellow hue) */
const dark = (color: string, light = false) => (light || NEEDS_DARK_INK.has(color) ? { ink: INK.text } : {});

function omittedNote(omitted: string[]): string[] {
  return omitted.length ? [`Left out of this chart because part of it is hidden: ${omitted.join(", ")} (see the table).`] : [];
}

function stackedSvg(result: BannerResult, o: BannerChartOptions, title: string): string {
  const data = stackedBarData(result, o.chart === "stacked" ? "count" : "percent");
  const ordinal = result.outcome.type === "ordinal";
  const series: SvgStackSeries[] = data.series.map((s, i) => {
    if (!ordinal) {
      const color = CATEGORICAL_HEX[i % CATEGORICAL_HEX.length];
      return { label: s.label, color, ...dark(color) };
    }
    const t = data.series.length > 1 ? i / (data.series.length - 1) : 1;
    return t < 0.5 ? { label: s.label, color: divergingHex("neg", (0.5 - t) * 2) } : t > 0.5 ? { label: s.label, color: divergingHex("pos", (t - 0.5) * 2) } : { label: s.label, color: MID, ...dark(MID) };
  });
  const rows: SvgStackRow[] = data.rows.map((r) => {
    let at = 0;
    return {
      label: r.label,
      group: r.groupLabel,
      isTotal: r.isTotal,
      lowBase: r.data.s0?.lowBase ?? false,
      pieces: data.series.map((s, i) => {
        const v = r.values[s.id] ?? 0;
        const piece = { series: i, from: at, to: at + v, valueText: r.texts[s.id] ?? "" };
        at += v;
        return piece;
      }),
    };
  });
  const unit = data.unit;
  const step = data.max / 4;
  const ticks = [0, 1, 2, 3, 4].map((i) => ({ value: i * step, text: `${Math.round(i * step * 10) / 10}${unit}` }));
  return stackedChartToSvg({ title, series, rows, min: 0, max: data.max, ticks, notes: [...omittedNote(data.omitted), bannerBaseNote(result, o.filtered)] });
}

function divergingSvg(result: BannerResult, o: BannerChartOptions, title: string): string {
  const data = divergingLikertData(result);
  const series: SvgStackSeries[] = data.series.map((s) =>
    s.side === "mid" ? { label: s.label, color: MID, ...dark(MID) } : { label: s.label, color: divergingHex(s.side, s.strength), ...dark("", s.strength < 0.4) },
  );
  const index = new Map(data.series.map((s, i) => [s.id, i]));
  const rows: SvgStackRow[] = data.rows.map((r) => {
    let neg = 0;
    let pos = 0;
    const pieces = data.segments.flatMap((seg) => {
      const v = r.values[seg.id];
      const i = index.get(seg.seriesId);
      if (v === undefined || i === undefined) return [];
      const text = r.data[seg.seriesId]?.valueText ?? "";
      const quiet = seg.id !== seg.seriesId;
      if (v < 0) {
        const piece = { series: i, from: neg + v, to: neg, valueText: text, quiet };
        neg += v;
        return [piece];
      }
      const piece = { series: i, from: pos, to: pos + v, valueText: text, quiet };
      pos += v;
      return [piece];
    });
    return { label: r.label, group: r.groupLabel, isTotal: r.isTotal, lowBase: r.data.s0?.lowBase ?? false, pieces, after: `${r.negText} | ${r.posText}` };
  });
  const ticks = data.ticks.map((t) => ({ value: t, text: `${Math.abs(t)}%` }));
  return stackedChartToSvg({
    title,
    series,
    rows,
    min: -data.max,
    max: data.max,
    ticks,
    afterHeading: "Disagree | Agree",
    notes: ["The neutral answer is split across the centre line.", ...omittedNote(data.omitted), bannerBaseNote(result, o.filtered)],
  });
}

/**
 * The chart as an SVG document (allow-listed elements only, labels bidi-isolated).
 * @example bannerChartSvg(result, { chart: "bars", row: "r0" }).startsWith("<?xml") // true
 */
export function bannerChartSvg(result: BannerResult, o: BannerChartOptions): string {
  const title = bannerChartTitle(result, o);
  if (o.chart === "stacked" || o.chart === "stacked100") return stackedSvg(result, o, title);
  if (o.chart === "diverging") return divergingSvg(result, o, title);
  // the bars of answerBars, each level under its group's heading instead of "Group: level"
  const d = dotPlotData(result, o.row);
  const bar = (label: string, x: BannerDatum, group: string | null): SvgBarDatum => ({ label, value: x.value, lo: x.lo, hi: x.hi, valueText: x.valueText, isTotal: x.isTotal, lowBase: x.lowBase, group });
  const bars = [
    ...(d.total ? [bar("Total", d.total, null)] : []),
    ...d.points.map((p) => bar(result.columns.find((c) => c.id === p.key)?.label ?? p.label, p.datum, p.groupLabel)),
  ];
  return chartToSvg({ title, data: bars, notes: [bannerBaseNote(result, o.filtered)], ...(result.statistic === "proportion" ? { unit: "%", max: 100 } : {}) });
}
