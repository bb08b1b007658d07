/**
 * Banner result → chart-ready data (the shared pieces and the grouped bars). Every datum carries
 * the texts the table shows (lib/format/number), so tooltips, the data-table fallback and the banner
 * table read the same. Series are keyed by generated ids (`s0`, `s1`, …), never by data values.
 *
 * Small-cell protection: a hidden cell (`hidden !== null`) or a hidden column is left out before
 * anything is scaled, so it is never drawn and never moves an axis.
 */
import { formatBase, formatCount, formatNumber, formatPercent, formatPercentInterval } from "@/lib/format/number";
import type { BannerCell, BannerColumn, BannerResult, BannerRow } from "@/lib/schema/banner";
import { chronological } from "./banner-chart-data-time";
import { bannerRowLabel } from "./banner-view";

/** One drawable value: display scale (percent points for shares) plus the table's texts. */
export interface BannerDatum {
  /** generated: `<rowId>:<columnId>` */
  key: string;
  rowId: string;
  columnId: string;
  value: number | null;
  lo: number | null;
  hi: number | null;
  /** respondents in the column base */
  n: number | null;
  /** respondents choosing the answer (proportions, unweighted); null for means */
  count: number | null;
  isTotal: boolean;
  lowBase: boolean;
  letters: string;
  valueText: string;
  ciText: string;
  /** "312 chose this" (proportions) or "" (means) */
  countText: string;
  baseText: string;
}

/** A series the chart draws, coloured through ChartConfig by its generated id. */
export interface BannerSeries {
  /** generated: "s0", "s1", … */
  id: string;
  label: string;
  isTotal: boolean;
  /** position among the answers (stacked, diverging) or the levels (grouped), 0-based */
  index: number;
}

/** The data-table fallback: the same texts as the chart, one row per category. */
export interface ChartTable {
  columns: string[];
  rows: { key: string; label: string; cells: ChartTableCell[] }[];
}
export interface ChartTableCell {
  text: string;
  ci: string | null;
  base: string | null;
}

export interface DisplayScale {
  /** multiply a share or mean by this to draw it */
  factor: number;
  unit: string;
  /** fixed axis maximum (100 for shares), null when it follows the data */
  max: number | null;
}

/**
 * How the result's numbers are drawn.
 * @example bannerScale(result) // { factor: 100, unit: "%", max: 100 } for proportions
 */
export function bannerScale(result: Pick<BannerResult, "statistic">): DisplayScale {
  return result.statistic === "proportion" ? { factor: 100, unit: "%", max: 100 } : { factor: 1, unit: "", max: null };
}

/**
 * The base line shown in tooltips and tables for a column, as in the breakdown chart.
 * @example columnBaseText(col) // "n = 1,204, weighted 1,180, effective 950"
 */
export function columnBaseText(col: BannerColumn): string {
  const weighted = col.weightedN !== null && col.weightedN !== col.n ? `, weighted ${formatBase(col.weightedN)}` : "";
  const effective = col.effectiveN !== null && col.effectiveN !== col.n ? `, effective ${formatBase(col.effectiveN)}` : "";
  return `n = ${formatCount(col.n)}${weighted}${effective}`;
}

/**
 * A cell as a datum, or null when small-cell protection hides it or its column.
 * @example toBannerDatum(result, row, column)?.valueText // "42.0%"
 */
export function toBannerDatum(result: Pick<BannerResult, "statistic">, row: BannerRow, col: BannerColumn): BannerDatum | null {
  const cell = findCell(row, col.id);
  if (!cell || col.hidden !== null || cell.hidden !== null) return null;
  const { factor } = bannerScale(result);
  const prop = result.statistic === "proportion";
  return {
    key: `${row.id}:${col.id}`,
    rowId: row.id,
    columnId: col.id,
    value: finite(cell.value) ? cell.value * factor : null,
    lo: cell.ci && finite(cell.ci[0]) ? cell.ci[0] * factor : null,
    hi: cell.ci && finite(cell.ci[1]) ? cell.ci[1] * factor : null,
    n: col.n,
    count: prop ? cell.count : null,
    isTotal: col.segment === null,
    lowBase: col.lowBase,
    letters: cell.letters,
    valueText: prop ? formatPercent(cell.value) : formatNumber(cell.value),
    ciText: prop ? formatPercentInterval(cell.ci) : cell.ci ? `${formatNumber(cell.ci[0])}–${formatNumber(cell.ci[1])}` : "n/a",
    countText: prop ? `${formatCount(cell.count)} chose this` : "",
    baseText: columnBaseText(col),
  };
}

/** One banner question's columns (levels), left to right. */
export interface ColumnGroup {
  index: number;
  segment: string;
  label: string;
  columns: BannerColumn[];
}

/**
 * The column groups (one per banner question), in order; the Total is not part of any group.
 * @example columnGroups(result).map((g) => g.label) // ["Guardrail maturity", "Country"]
 */
export function columnGroups(result: Pick<BannerResult, "columns">): ColumnGroup[] {
  const groups: ColumnGroup[] = [];
  for (const col of result.columns) {
    if (col.segment === null) continue;
    let g = groups.find((x) => x.segment === col.segment);
    if (!g) {
      g = { index: groups.length, segment: col.segment, label: col.segmentLabel ?? col.segment, columns: [] };
      groups.push(g);
    }
    g.columns.push(col);
  }
  // waves and dates read left to right in time order, whatever order the levels were stored in
  return groups.map((g) => ({ ...g, columns: chronological(g.columns) ?? g.columns }));
}

/** The Total column, when present. */
export function totalColumn(result: Pick<BannerResult, "columns">): BannerColumn | null {
  return result.columns.find((c) => c.segment === null) ?? null;
}

/** Whisker lengths below and above the value, as recharts' ErrorBar expects. */
export function errorOf(d: Pick<BannerDatum, "value" | "lo" | "hi">): [number, number] {
  return d.value !== null && d.lo !== null && d.hi !== null ? [d.value - d.lo, d.hi - d.value] : [0, 0];
}

/** A table cell from a datum (null: left out of the chart, shown as the hidden text or "n/a"). */
export function tableCell(d: BannerDatum | null, hiddenText = "n/a"): ChartTableCell {
  return d ? { text: d.valueText, ci: d.ciText, base: d.baseText } : { text: hiddenText, ci: null, base: null };
}

/** What the table shows for a cell left out of the chart. */
export function hiddenText(row: BannerRow, col: BannerColumn): string {
  return col.hidden ?? findCell(row, col.id)?.hidden ?? "n/a";
}

export interface GroupedBarRow {
  /** the banner row id (an answer) */
  key: string;
  label: string;
  /** series id → drawn value (absent: hidden, nothing drawn) */
  values: Record<string, number | null>;
  errors: Record<string, [number, number]>;
  data: Record<string, BannerDatum>;
}

export interface GroupedBarData {
  group: { index: number; label: string } | null;
  series: BannerSeries[];
  rows: GroupedBarRow[];
  scale: DisplayScale;
  /** axis maximum from visible values only (shares: 100) */
  max: number;
  table: ChartTable;
}

/**
 * Grouped bars: one category per answer, one bar per column (Total as `s0`, then the levels of one
 * column group) with CI whiskers. Hidden cells are absent from `values`; a fully hidden column
 * yields no series. Multi-select answers are sorted by their Total share, largest first.
 * @example groupedBarData(result, 0).series.map((s) => s.id) // ["s0", "s1", "s2"]
 */
export function groupedBarData(result: BannerResult, groupIndex = 0): GroupedBarData {
  const groups = columnGroups(result);
  const group = groups[groupIndex] ?? groups[0] ?? null;
  const total = totalColumn(result);
  const cols = [...(total ? [total] : []), ...(group?.columns ?? [])];
  const visibleCols = cols.filter((c) => c.hidden === null && result.rows.some((r) => toBannerDatum(result, r, c) !== null));
  const series: BannerSeries[] = visibleCols.map((c, i) => ({ id: `s${i}`, label: c.label, isTotal: c.segment === null, index: i }));
  // multi-select answers overlap and have no scale order: largest Total share first (as UX asks)
  const source = result.outcome.type === "multi" && total ? sortByColumn(result, total) : result.rows;
  const rows: GroupedBarRow[] = source.map((r) => {
    const row: GroupedBarRow = { key: r.id, label: bannerRowLabel(r), values: {}, errors: {}, data: {} };
    visibleCols.forEach((c, i) => {
      const d = toBannerDatum(result, r, c);
      if (!d) return;
      row.values[`s${i}`] = d.value;
      row.errors[`s${i}`] = errorOf(d);
      row.data[`s${i}`] = d;
    });
    return row;
  });
  const scale = bannerScale(result);
  const table: ChartTable = {
    columns: cols.map((c) => c.label),
    rows: source.map((r) => ({ key: r.id, label: bannerRowLabel(r), cells: cols.map((c) => tableCell(toBannerDatum(result, r, c), hiddenText(r, c))) })),
  };
  return {
    group: group ? { index: group.index, label: group.label } : null,
    series,
    rows,
    scale,
    // bars start at zero, so the axis may stop short of 100% without exaggerating differences
    max: Math.min(scale.max ?? Infinity, niceMax(rows.flatMap((r) => Object.values(r.data).flatMap((d) => [d.value, d.hi])))),
    table,
  };
}

/** Rows by their value in one column, largest first; hidden or undefined values last. */
function sortByColumn(result: BannerResult, col: BannerColumn): BannerRow[] {
  const v = (r: BannerRow) => toBannerDatum(result, r, col)?.value ?? -Infinity;
  return [...result.rows].sort((a, b) => v(b) - v(a));
}

/**
 * A round axis maximum above every visible value (for means).
 * @example niceMax([3.2, 4.61]) // 5
 * @example niceMax([520]) // 600
 */
export function niceMax(values: (number | null)[]): number {
  const top = Math.max(0, ...values.filter(finite));
  if (top === 0) return 1;
  const mag = 10 ** Math.floor(Math.log10(top));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * mag >= top - 1e-9) ?? 10;
  return Math.round(step * mag * 1e6) / 1e6;
}

export function findCell(row: BannerRow, columnId: string): BannerCell | undefined {
  return row.cells.find((c) => c.columnId === columnId);
}

export function finite(x: number | null | undefined): x is number {
  return typeof x === "number" && Number.isFinite(x);
}
