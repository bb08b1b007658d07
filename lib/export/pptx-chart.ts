/**
 * Native, editable PowerPoint charts for decks (pptxgenjs `addChart`): horizontal bars, stacked
 * bars and diverging bars, with published reference figures (benchmarks) drawn as labelled dashed
 * lines over a fixed plot area. The chart holds its numbers in an embedded workbook, so a presenter
 * can restyle or re-sort it in PowerPoint; hidden (small) cells are never in the data.
 *
 * Labels are plain text (pptxgenjs XML-escapes them); controls are stripped, no bidi marks added.
 */
import type PptxGenJS from "pptxgenjs";
import { stripControls } from "@/lib/format/bidi";
import { BENCHMARK_HEX, CATEGORICAL_HEX, INK, TOTAL_HEX, pptxColor } from "@/lib/format/palette";

export interface DeckChartSeries {
  name: string;
  /** one value per category on the display scale (percent points for shares); null = no bar */
  values: (number | null)[];
  /** hex without "#" (default: the palette in order) */
  color?: string;
}

export interface DeckChartReference {
  value: number;
  /** e.g. "Sinch 2026: 74%" */
  label: string;
}

export interface DeckChart {
  /** bar: one bar per category (clustered when several series); stacked: parts of 100%; diverging: negatives left of 0 */
  kind: "bar" | "stacked" | "diverging";
  /** in the order they are shown on screen, top to bottom */
  categories: string[];
  series: DeckChartSeries[];
  /** "%" for shares (labels "74.1%"), "" for means */
  unit: "%" | "";
  /** value axis maximum (100 for shares); default: PowerPoint's automatic axis */
  max?: number;
  /** value axis minimum for diverging charts (e.g. −100) */
  min?: number;
  /** decimals of the data labels (default 1 for shares, 2 for means) */
  decimals?: number;
  references?: DeckChartReference[];
  /** categories drawn in the total colour (e.g. "Total") */
  totals?: string[];
}

/** Where the chart goes on a 10 × 5.625 in slide. */
export interface ChartBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The plot area inside the chart frame, as fractions (category labels left, legend below). */
const PLOT = { x: 0.3, y: 0.1, w: 0.64, h: 0.78 } as const;

/** Fonts readable when projected: never below 11 pt. */
export const CHART_FONT = { category: 12, value: 11, legend: 11, axis: 10, reference: 11 } as const;

const numberFormat = (unit: DeckChart["unit"], decimals: number): string => {
  const d = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  return unit === "%" ? `${d}"%";${d}"%"` : `${d};${d}`;
};

const clean = (s: string): string => stripControls(s);

/**
 * The pptxgenjs data and options for a chart (pure; exported for tests).
 * @example chartParts({ kind: "bar", categories: ["Low", "High"], series: [{ name: "Rolled back", values: [62.1, 80.7] }], unit: "%", max: 100 }, box).data[0].labels // ["Low", "High"]
 */
export function chartParts(c: DeckChart, box: ChartBox): { type: "bar"; data: PptxGenJS.OptsChartData[]; options: PptxGenJS.IChartOpts } {
  const decimals = c.decimals ?? (c.unit === "%" ? 1 : 2);
  // horizontal bars draw the first category at the bottom: hand them over bottom-up so the chart
  // reads top-down in the on-screen order (and the value axis stays at the bottom)
  const categories = c.categories.map(clean).reverse();
  const data = c.series.map((s, i) => {
    return {
      name: clean(s.name),
      labels: categories,
      // a missing estimate (null) is written as an empty point: no bar and no label
      values: [...s.values].reverse().map((v) => (v === null ? v : Math.round(v * 1e6) / 1e6)) as number[],
      _color: s.color ?? pptxColor(CATEGORICAL_HEX[i % CATEGORICAL_HEX.length]),
    };
  });
  const single = c.series.length === 1 && c.kind === "bar";
  const totals = new Set((c.totals ?? []).map(clean));
  const options: PptxGenJS.IChartOpts = {
    ...box,
    barDir: "bar",
    barGrouping: c.kind === "bar" ? "clustered" : "stacked",
    ...(c.kind !== "bar" ? { barGapWidthPct: 60, barOverlapPct: 100 } : { barGapWidthPct: 50 }),
    chartColors: single ? categories.map((l) => (totals.has(l) ? pptxColor(TOTAL_HEX) : data[0]._color)) : data.map((d) => d._color),
    catAxisLabelFontSize: CHART_FONT.category,
    catAxisLabelColor: pptxColor(INK.text),
    catAxisLabelFontFace: "Arial",
    valAxisLabelFontSize: CHART_FONT.axis,
    valAxisLabelColor: pptxColor(INK.muted),
    valAxisLabelFormatCode: numberFormat(c.unit, 0),
    valGridLine: { color: pptxColor(INK.grid), style: "solid", size: 0.5 },
    catGridLine: { style: "none" },
    ...(c.max !== undefined ? { valAxisMaxVal: c.max } : {}),
    valAxisMinVal: c.min ?? 0,
    // diverging pieces (neutral halves) are read from the table slide, not from half-values
    showValue: c.kind !== "diverging",
    dataLabelFormatCode: numberFormat(c.unit, decimals),
    dataLabelFontSize: CHART_FONT.value,
    dataLabelFontFace: "Arial",
    dataLabelColor: c.kind === "bar" ? pptxColor(INK.text) : pptxColor(INK.background),
    dataLabelPosition: c.kind === "bar" ? "outEnd" : "ctr",
    showLegend: !single,
    legendPos: "b",
    legendFontSize: CHART_FONT.legend,
    legendFontFace: "Arial",
    showTitle: false,
    layout: { ...PLOT },
  };
  if (single) Object.assign(options, { varyColors: totals.size > 0 });
  return { type: "bar", data: data.map(({ _color: _, ...d }) => d), options };
}

/**
 * The x position (inches on the slide) of a value on the chart's value axis, given the fixed plot
 * area; null when the axis is automatic or the value is off the axis.
 * @example referenceX({ kind: "bar", categories: [], series: [], unit: "%", max: 100 }, { x: 0.5, y: 1, w: 9, h: 3 }, 50) // 0.5 + 9 * (0.3 + 0.64 * 0.5)
 */
export function referenceX(c: DeckChart, box: ChartBox, value: number): number | null {
  if (c.max === undefined) return null;
  const min = c.min ?? 0;
  if (value < min || value > c.max || c.max === min) return null;
  return box.x + box.w * (PLOT.x + (PLOT.w * (value - min)) / (c.max - min));
}

/**
 * Draw the chart (and its reference lines) on a slide.
 * @example addDeckChart(pres, slide, chart, { x: 0.5, y: 1.3, w: 9, h: 3.5 }, "Rollback rate by guardrail maturity")
 */
export function addDeckChart(pres: PptxGenJS, slide: PptxGenJS.Slide, c: DeckChart, box: ChartBox, altText: string): void {
  const { data, options } = chartParts(c, box);
  slide.addChart(pres.ChartType.bar, data, { ...options, altText: clean(altText) });
  const top = box.y + box.h * PLOT.y;
  const height = box.h * PLOT.h;
  const refs = [...(c.references ?? [])].sort((a, b) => a.value - b.value);
  refs.forEach((r, i) => {
    const x = referenceX(c, box, r.value);
    if (x === null) return;
    slide.addShape(pres.ShapeType.line, { x, y: top, w: 0, h: height, line: { color: pptxColor(BENCHMARK_HEX), width: 1.5, dashType: "dash" } });
    // labels alternate above the plot so two close figures do not overprint
    const labelW = 2.2;
    slide.addText(clean(r.label), {
      x: Math.min(Math.max(x - labelW / 2, box.x), box.x + box.w - labelW),
      y: top - 0.3 - (i % 2) * 0.22,
      w: labelW,
      h: 0.26,
      fontSize: CHART_FONT.reference,
      fontFace: "Arial",
      color: pptxColor(BENCHMARK_HEX),
      align: "center",
      margin: 0,
    });
  });
}
