/**
 * Banner result → stacked bars (respondents or 100%) and diverging Likert bars: one bar per column
 * (Total, then every level of every group), one segment per answer.
 *
 * Small-cell protection: a column in which any answer is hidden is left out of these charts as a
 * whole (and named in `omitted`), because the gap a hidden piece leaves in a stack would show its
 * size. Its numbers stay in the data table, with the hidden marks the banner table shows.
 */
import { formatBase, formatCount, formatPercent } from "@/lib/format/number";
import type { BannerColumn, BannerResult, BannerRow } from "@/lib/schema/banner";
import {
  columnGroups,
  finite,
  hiddenText,
  niceMax,
  tableCell,
  toBannerDatum,
  totalColumn,
  type BannerDatum,
  type BannerSeries,
  type ChartTable,
} from "./banner-chart-data";

export interface StackedRow {
  /** the banner column id */
  key: string;
  label: string;
  groupLabel: string | null;
  isTotal: boolean;
  /** series id → drawn value */
  values: Record<string, number>;
  /** series id → the text of the drawn value (a share, or respondents in count mode) */
  texts: Record<string, string>;
  data: Record<string, BannerDatum>;
}

export interface StackedBarData {
  mode: "count" | "percent";
  series: BannerSeries[];
  rows: StackedRow[];
  /** labels of the columns left out because small-cell protection hides part of them */
  omitted: string[];
  unit: string;
  max: number;
  table: ChartTable;
}

/**
 * The answer rows that partition respondents (options; NETs and means excluded).
 * @example optionRows(result).map((r) => r.id) // ["r0", "r1", "r2"]
 */
export function optionRows(result: Pick<BannerResult, "rows">): BannerRow[] {
  return result.rows.filter((r) => r.kind === "option");
}

/** Columns in bar order: Total, then each group's levels. */
function barColumns(result: BannerResult): { col: BannerColumn; groupLabel: string | null }[] {
  const total = totalColumn(result);
  return [
    ...(total ? [{ col: total, groupLabel: null }] : []),
    ...columnGroups(result).flatMap((g) => g.columns.map((col) => ({ col, groupLabel: g.label }))),
  ];
}

/** Every answer's datum for a column, or null when any of them is hidden or undefined. */
function fullColumn(result: BannerResult, rows: BannerRow[], col: BannerColumn): BannerDatum[] | null {
  const data = rows.map((r) => toBannerDatum(result, r, col));
  return data.every((d): d is BannerDatum => d !== null && d.value !== null) ? data : null;
}

function answerTable(result: BannerResult, rows: BannerRow[]): ChartTable {
  return {
    columns: rows.map((r) => r.label),
    rows: barColumns(result).map(({ col }) => ({
      key: col.id,
      label: col.label,
      cells: rows.map((r) => tableCell(toBannerDatum(result, r, col), hiddenText(r, col))),
    })),
  };
}

/**
 * Stacked bars of the answers in each column: respondents (`count`; weighted results draw the
 * weighted estimate share × weighted base) or shares summing to 100% (`percent`).
 * @example stackedBarData(result, "percent").rows[0].values // { s0: 12.5, s1: 40, s2: 47.5 }
 */
export function stackedBarData(result: BannerResult, mode: "count" | "percent"): StackedBarData {
  const answers = optionRows(result);
  const series: BannerSeries[] = answers.map((r, i) => ({ id: `s${i}`, label: r.label, isTotal: false, index: i }));
  const rows: StackedRow[] = [];
  const omitted: string[] = [];
  for (const { col, groupLabel } of barColumns(result)) {
    const data = fullColumn(result, answers, col);
    const counts = data?.map((d, i) => countOf(result, col, d, answers[i]));
    if (!data || !counts || counts.some((c) => c === null)) {
      omitted.push(col.label);
      continue;
    }
    const row: StackedRow = { key: col.id, label: col.label, groupLabel, isTotal: col.segment === null, values: {}, texts: {}, data: {} };
    data.forEach((d, i) => {
      const id = `s${i}`;
      const c = counts[i] as number;
      row.values[id] = mode === "percent" ? (d.value as number) : c;
      row.texts[id] = mode === "percent" ? d.valueText : result.weighted ? formatBase(c) : formatCount(c);
      row.data[id] = d;
    });
    rows.push(row);
  }
  const sums = rows.map((r) => Object.values(r.values).reduce((a, b) => a + b, 0));
  return {
    mode,
    series,
    rows,
    omitted,
    unit: mode === "percent" ? "%" : "",
    max: mode === "percent" ? 100 : niceMax(sums),
    table: answerTable(result, answers),
  };
}

/** Respondents drawn in count mode: the count (unweighted) or share × weighted base (weighted). */
function countOf(result: BannerResult, col: BannerColumn, d: BannerDatum, row: BannerRow): number | null {
  if (!result.weighted) return d.count;
  const share = row.cells.find((c) => c.columnId === col.id)?.value;
  return finite(share) && finite(col.weightedN) ? share * col.weightedN : null;
}

export interface DivergingSeries extends BannerSeries {
  /** disagree side (drawn left of zero), the neutral midpoint, or agree side */
  side: "neg" | "mid" | "pos";
  /** 0–1: how far from the midpoint (colour strength) */
  strength: number;
}

/** One drawn piece; the neutral answer is drawn as two halves, one each side of zero. */
export interface DivergingSegment {
  /** generated: the series id, or `<id>n` / `<id>p` for the neutral halves */
  id: string;
  seriesId: string;
}

export interface DivergingRow extends Omit<StackedRow, "texts"> {
  /** share on the disagree / agree side (neutral excluded), e.g. "23.0%" */
  negText: string;
  posText: string;
}

export interface DivergingData {
  series: DivergingSeries[];
  /** draw order for stacking: disagree pieces from zero outwards, then agree pieces from zero outwards */
  segments: DivergingSegment[];
  rows: DivergingRow[];
  omitted: string[];
  /** symmetric axis: [-max, max] in percent points */
  max: number;
  ticks: number[];
  table: ChartTable;
}

/**
 * Which side of a k-point scale each answer sits on, first answer = most negative. An odd scale's
 * middle answer is the neutral midpoint.
 * @example likertSides(5) // ["neg", "neg", "mid", "pos", "pos"]
 */
export function likertSides(k: number): DivergingSeries["side"][] {
  const half = Math.floor(k / 2);
  return Array.from({ length: k }, (_, i) => (i < half ? "neg" : i >= k - half ? "pos" : "mid"));
}

/**
 * Diverging Likert bars. Answers are taken in scale order (first = most negative). Disagree answers
 * are drawn negative, agree answers positive; the neutral midpoint (odd scales) is split in half
 * across zero, so every bar still spans 100 points and the bars stay centred on the midpoint.
 * @example divergingLikertData(result).rows[0].values // { s1: -20, s0: -10, s2n: -5, s2p: 5, s3: 40, s4: 20 }
 */
export function divergingLikertData(result: BannerResult): DivergingData {
  const answers = optionRows(result);
  const sides = likertSides(answers.length);
  const half = Math.floor(answers.length / 2);
  const series: DivergingSeries[] = answers.map((r, i) => ({
    id: `s${i}`,
    label: r.label,
    isTotal: false,
    index: i,
    side: sides[i],
    strength: sides[i] === "mid" ? 0 : sides[i] === "neg" ? (half - i) / half : (i - (answers.length - half) + 1) / half,
  }));
  const neg = series.filter((s) => s.side === "neg").reverse();
  const mid = series.find((s) => s.side === "mid");
  const pos = series.filter((s) => s.side === "pos");
  const segments: DivergingSegment[] = [
    ...(mid ? [{ id: `${mid.id}n`, seriesId: mid.id }] : []),
    ...neg.map((s) => ({ id: s.id, seriesId: s.id })),
    ...(mid ? [{ id: `${mid.id}p`, seriesId: mid.id }] : []),
    ...pos.map((s) => ({ id: s.id, seriesId: s.id })),
  ];
  const rows: DivergingRow[] = [];
  const omitted: string[] = [];
  let extent = 0;
  for (const { col, groupLabel } of barColumns(result)) {
    const data = fullColumn(result, answers, col);
    if (!data) {
      omitted.push(col.label);
      continue;
    }
    const row: DivergingRow = { key: col.id, label: col.label, groupLabel, isTotal: col.segment === null, values: {}, data: {}, negText: "", posText: "" };
    let negShare = 0;
    let posShare = 0;
    data.forEach((d, i) => {
      const s = series[i];
      const v = d.value as number;
      row.data[s.id] = d;
      if (s.side === "mid") {
        row.values[`${s.id}n`] = -v / 2;
        row.values[`${s.id}p`] = v / 2;
      } else {
        row.values[s.id] = s.side === "neg" ? -v : v;
        if (s.side === "neg") negShare += v;
        else posShare += v;
      }
    });
    const midShare = mid ? (row.data[mid.id].value as number) / 2 : 0;
    extent = Math.max(extent, negShare + midShare, posShare + midShare);
    row.negText = formatPercent(negShare / 100);
    row.posText = formatPercent(posShare / 100);
    rows.push(row);
  }
  const max = Math.min(100, Math.max(10, Math.ceil(extent / 10) * 10));
  return { series, segments, rows, omitted, max, ticks: divergingTicks(max), table: answerTable(result, answers) };
}

/**
 * Symmetric ticks through zero for a diverging axis of ±max (at most 4 a side).
 * @example divergingTicks(70) // [-60, -40, -20, 0, 20, 40, 60]
 */
export function divergingTicks(max: number): number[] {
  const step = [10, 20, 25, 50].find((s) => max / s <= 4) ?? 50;
  const n = Math.floor(max / step + 1e-9);
  return Array.from({ length: 2 * n + 1 }, (_, i) => (i - n) * step);
}
