/**
 * Banner result → one answer compared across columns: a dot plot of every segment level against the
 * Total, and a trend line (with its confidence band) over a time-like column group. Hidden cells are
 * left out before the axis is fitted.
 */
import type { BannerColumn, BannerResult, BannerRow } from "@/lib/schema/banner";
import {
  bannerScale,
  columnGroups,
  errorOf,
  finite,
  hiddenText,
  tableCell,
  toBannerDatum,
  totalColumn,
  type BannerDatum,
  type ChartTable,
  type DisplayScale,
} from "./banner-chart-data";
import { timeGroup, type ChartKindContext } from "./banner-chart-data-kinds";
import { timePositions } from "./banner-chart-data-time";

export interface ComparePoint {
  /** the banner column id */
  key: string;
  /** axis label: the level, with its group when two groups share a level label */
  label: string;
  groupLabel: string;
  value: number | null;
  error: [number, number];
  /** [lo, hi] for a confidence band, null when undefined */
  band: [number, number] | null;
  datum: BannerDatum;
}

export interface CompareData {
  row: { id: string; label: string };
  points: ComparePoint[];
  /** the Total's datum (reference line), null when hidden or absent */
  total: BannerDatum | null;
  scale: DisplayScale;
  domain: [number, number];
  table: ChartTable;
}

export interface TrendPoint extends ComparePoint {
  /** position on the time axis (months for dates and quarters, the wave number, else the order) */
  t: number;
}

export interface TrendData extends CompareData {
  group: { index: number; label: string };
  points: TrendPoint[];
  /** levels left out because small-cell protection hides this answer there */
  omitted: string[];
}

/**
 * A rounded axis range around the values, kept within [0, 100] for shares.
 * @example niceDomain([42.1, 61.7], 100) // [40, 70]
 */
export function niceDomain(values: (number | null)[], cap: number | null): [number, number] {
  const xs = values.filter(finite);
  if (!xs.length) return [0, cap ?? 1];
  const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
  const raw = (hi - lo || Math.abs(hi) || 1) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  let a = Math.floor(lo / step) * step;
  let b = Math.ceil(hi / step) * step;
  if (a === b) b = a + step;
  if (cap !== null) [a, b] = [Math.max(0, a), Math.min(cap, b)];
  return [a, b];
}

function pickRow(result: BannerResult, rowId?: string): BannerRow | null {
  return result.rows.find((r) => r.id === rowId) ?? result.rows[0] ?? null;
}

function toPoint(result: BannerResult, row: BannerRow, col: BannerColumn, groupLabel: string, label: string): ComparePoint | null {
  const d = toBannerDatum(result, row, col);
  if (!d) return null;
  return { key: col.id, label, groupLabel, value: d.value, error: errorOf(d), band: d.lo !== null && d.hi !== null ? [d.lo, d.hi] : null, datum: d };
}

function compareTable(result: BannerResult, row: BannerRow, cols: BannerColumn[]): ChartTable {
  return {
    columns: [row.label],
    rows: cols.map((c) => ({ key: c.id, label: c.segmentLabel ? `${c.segmentLabel}: ${c.label}` : c.label, cells: [tableCell(toBannerDatum(result, row, c), hiddenText(row, c))] })),
  };
}

function fit(result: BannerResult, points: ComparePoint[], total: BannerDatum | null): [number, number] {
  const scale = bannerScale(result);
  const values = [...points.flatMap((p) => [p.value, p.datum.lo, p.datum.hi]), total?.value ?? null];
  return niceDomain(values, scale.max);
}

/**
 * Dot plot for one answer: every visible segment level (all groups, in order) with its interval,
 * against the Total as a reference line.
 * @example dotPlotData(result, "r1").points.map((p) => p.label) // ["North", "South", "Yes · Remote"]
 */
export function dotPlotData(result: BannerResult, rowId?: string): CompareData {
  const row = pickRow(result, rowId);
  const groups = columnGroups(result);
  const total = totalColumn(result);
  const scale = bannerScale(result);
  if (!row) return { row: { id: "", label: "" }, points: [], total: null, scale, domain: [0, scale.max ?? 1], table: { columns: [], rows: [] } };
  const seen = new Map<string, number>();
  for (const g of groups) for (const c of g.columns) seen.set(c.label, (seen.get(c.label) ?? 0) + 1);
  const points = groups.flatMap((g) =>
    g.columns.flatMap((c) => toPoint(result, row, c, g.label, (seen.get(c.label) ?? 0) > 1 ? `${c.label} · ${g.label}` : c.label) ?? []),
  );
  const totalDatum = total ? toBannerDatum(result, row, total) : null;
  const cols = [...(total ? [total] : []), ...groups.flatMap((g) => g.columns)];
  return { row: { id: row.id, label: row.label }, points, total: totalDatum, scale, domain: fit(result, points, totalDatum), table: compareTable(result, row, cols) };
}

/**
 * Trend of one answer over the first time-like column group (see `timeGroup`), levels in
 * chronological order, each with its confidence band; null when no group is a time axis.
 * @example trendData(result, "r0")?.points.map((p) => p.label) // ["Wave 1", "Wave 2", "Wave 3"]
 */
export function trendData(result: BannerResult, rowId?: string, ctx: ChartKindContext = {}): TrendData | null {
  const time = timeGroup(result, ctx);
  const row = pickRow(result, rowId);
  if (!time || !row) return null;
  const omitted: string[] = [];
  const positions = timePositions(time.columns);
  const points = time.columns.flatMap((c, i): TrendPoint[] => {
    const p = toPoint(result, row, c, time.group.label, c.label);
    if (!p || p.value === null) omitted.push(c.label);
    return p && p.value !== null ? [{ ...p, t: positions[i] }] : [];
  });
  const total = totalColumn(result);
  const totalDatum = total ? toBannerDatum(result, row, total) : null;
  return {
    group: { index: time.group.index, label: time.group.label },
    row: { id: row.id, label: row.label },
    points,
    total: totalDatum,
    omitted,
    scale: bannerScale(result),
    domain: fit(result, points, totalDatum),
    table: compareTable(result, row, [...(total ? [total] : []), ...time.columns]),
  };
}

/** One bar of a single-answer chart in the shape `chartToSvg` (lib/export/svg) draws. */
export interface AnswerBar {
  label: string;
  value: number | null;
  lo: number | null;
  hi: number | null;
  valueText: string;
  isTotal: boolean;
  lowBase: boolean;
}

/**
 * One answer as bars for the server-side SVG/PNG/PPTX export: the Total, then every visible level
 * (labelled "Group: level"); hidden cells are left out exactly as on screen.
 * @example chartToSvg({ title, unit: "%", max: 100, data: answerBars(result, "r0") })
 */
export function answerBars(result: BannerResult, rowId?: string): AnswerBar[] {
  const d = dotPlotData(result, rowId);
  const bar = (label: string, x: BannerDatum): AnswerBar => ({ label, value: x.value, lo: x.lo, hi: x.hi, valueText: x.valueText, isTotal: x.isTotal, lowBase: x.lowBase });
  return [...(d.total ? [bar("Total", d.total)] : []), ...d.points.map((p) => bar(`${p.groupLabel}: ${result.columns.find((c) => c.id === p.key)?.label ?? p.label}`, p.datum))];
}
