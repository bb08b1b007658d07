/**
 * Time-like column groups (waves, quarters, dates): reading a level as a period and putting the
 * levels in chronological order.
 */
import type { BannerColumn } from "@/lib/schema/banner";
import type { ColumnGroup } from "./banner-chart-data";

const finite = (x: number | null): x is number => typeof x === "number" && Number.isFinite(x);

/** What the banner result itself does not say: the segment questions' types (from the question model). */
export interface ChartKindContext {
  /** segment question id → question type ("date", "ordinal", …) */
  segmentTypes?: Record<string, string>;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const TIME_WORDS = /\b(waves?|rounds?|years?|quarters?|months?|dates?|periods?|cycles?)\b/i;

/**
 * A sortable number for a time-like level ("2024", "2024-03", "2024-03-15", "2024-Q2", "Q2 2024",
 * "Mar 2024", "Wave 3", "W3"), or null when the text is not one.
 * @example timeKey("2024-Q2") // 20240400
 * @example timeKey("Wave 3") // 3
 */
export function timeKey(text: string): number | null {
  const t = text.trim();
  let m = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
    return y >= 1900 && y <= 2100 && mo <= 12 && d <= 31 ? y * 10000 + mo * 100 + d : null;
  }
  m = /^(\d{4})\s*[-/ ]?\s*Q([1-4])$/i.exec(t) ?? /^Q([1-4])\s*[-/ ]?\s*(\d{4})$/i.exec(t);
  if (m) {
    const [y, q] = m[1].length === 4 ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
    return y >= 1900 && y <= 2100 ? y * 10000 + (q * 3 - 2) * 100 : null;
  }
  m = /^([a-z]{3})[a-z]*\.?\s+(\d{4})$/i.exec(t);
  if (m && MONTHS.includes(m[1].toLowerCase())) return Number(m[2]) * 10000 + (MONTHS.indexOf(m[1].toLowerCase()) + 1) * 100;
  m = /^(?:wave|round|phase|cycle|period|w|r|t)\s*[-#]?\s*(\d{1,3})$/i.exec(t);
  return m ? Number(m[1]) : null;
}

/**
 * The group's columns in chronological order when it is a time axis, else null. A group is a time
 * axis when every level's code (or else every label) reads as a period (see {@link timeKey}), or
 * when the segment is a date question or is named like one ("Wave", "Survey year", …), in which case
 * the option order is taken as chronological.
 * @example timeOrder(group)?.map((c) => c.label) // ["Wave 1", "Wave 2", "Wave 3"]
 */
export function timeOrder(group: ColumnGroup, ctx: ChartKindContext = {}): BannerColumn[] | null {
  if (group.columns.length < 2) return null;
  const sorted = chronological(group.columns);
  if (sorted) return sorted;
  const type = ctx.segmentTypes?.[group.segment];
  if (type === "date" || TIME_WORDS.test(group.label) || TIME_WORDS.test(group.segment.replace(/[_-]+/g, " "))) return [...group.columns];
  return null;
}

/** Each column's period key from its code, or else from its label; null unless all read as distinct periods. */
function periodKeys(columns: BannerColumn[]): number[] | null {
  for (const pick of [(c: BannerColumn) => c.level ?? "", (c: BannerColumn) => c.label]) {
    const keys = columns.map((c) => timeKey(pick(c)));
    if (keys.every(finite) && new Set(keys).size === keys.length) return keys as number[];
  }
  return null;
}

/**
 * The columns sorted by the period their code (or label) names, or null when they are not all periods.
 * @example chronological(cols)?.map((c) => c.level) // ["2024-Q1", "2024-Q3", "2025-Q1"]
 */
export function chronological(columns: BannerColumn[]): BannerColumn[] | null {
  const keys = periodKeys(columns);
  if (!keys || columns.length < 2) return null;
  return columns.map((c, i) => ({ c, k: keys[i] })).sort((a, b) => a.k - b.k).map((x) => x.c);
}

/**
 * Positions on a time axis, so uneven gaps stay uneven: months for dates and quarters, the number
 * for waves, else 0, 1, 2, … in the given order.
 * @example timePositions(["2024-Q1", "2024-Q3"].map(asColumn)) // [24288, 24294]
 */
export function timePositions(columns: BannerColumn[]): number[] {
  const keys = periodKeys(columns);
  if (!keys) return columns.map((_, i) => i);
  return keys.map((k) => {
    if (k < 19000000) return k;
    const [y, mo, d] = [Math.floor(k / 10000), Math.floor(k / 100) % 100, k % 100];
    return y * 12 + Math.max(mo, 1) - 1 + (d ? (d - 1) / 31 : 0);
  });
}
