/**
 * Which chart kinds suit a banner result, and which column groups are a time axis (waves, dates).
 */
import type { BannerColumn, BannerResult } from "@/lib/schema/banner";
import { columnGroups, toBannerDatum, type ColumnGroup } from "./banner-chart-data";
import { timeOrder, type ChartKindContext } from "./banner-chart-data-time";
import { optionRows } from "./banner-chart-data-stacked";

export type { ChartKindContext } from "./banner-chart-data-time";

export const CHART_KINDS = ["grouped", "stacked", "stacked100", "diverging", "dot", "trend"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export const CHART_KIND_LABELS: Record<ChartKind, string> = {
  grouped: "Grouped bars",
  stacked: "Stacked",
  stacked100: "100% stacked",
  diverging: "Diverging",
  dot: "Dot plot",
  trend: "Trend",
};

/**
 * The first column group that is a time axis, with its chronological columns.
 * @example timeGroup(result)?.group.label // "Survey wave"
 */
export function timeGroup(result: BannerResult, ctx: ChartKindContext = {}): { group: ColumnGroup; columns: BannerColumn[] } | null {
  for (const group of columnGroups(result)) {
    const columns = timeOrder(group, ctx);
    if (columns) return { group, columns };
  }
  return null;
}

/** Option shares in a fully shown column add up to 1: the rows are all the answers of one single-choice question. */
function partitions(result: BannerResult): boolean {
  const answers = optionRows(result);
  if (answers.length < 2) return false;
  for (const col of result.columns.filter((c) => c.hidden === null)) {
    const data = answers.map((r) => toBannerDatum(result, r, col));
    if (data.every((d) => d !== null && d.value !== null)) {
      const sum = data.reduce((a, d) => a + (d?.value ?? 0), 0);
      return Math.abs(sum - 100) < 0.5;
    }
  }
  return false;
}

/**
 * The chart kinds that make sense for a result, in picker order:
 * - grouped bars with whiskers: always (when anything is shown);
 * - stacked and 100% stacked: shares of a single-choice or ordinal outcome whose option rows add up
 *   to 100% (NET rows are not stacked; multi-select answers overlap and never qualify);
 * - diverging: those of an ordinal (Likert) outcome with at least 3 points;
 * - dot plot: at least one segment level to set against the Total;
 * - trend: a column group that is a time axis with at least 2 levels.
 * @example chartKindsFor(likertByRegion) // ["grouped", "stacked", "stacked100", "diverging", "dot"]
 */
export function chartKindsFor(result: BannerResult, ctx: ChartKindContext = {}): ChartKind[] {
  const shown = result.columns.some((c) => result.rows.some((r) => toBannerDatum(result, r, c) !== null));
  if (!shown) return [];
  const kinds: ChartKind[] = ["grouped"];
  const categorical = result.statistic === "proportion" && (result.outcome.type === "single" || result.outcome.type === "ordinal");
  if (categorical && partitions(result)) {
    kinds.push("stacked", "stacked100");
    if (result.outcome.type === "ordinal" && optionRows(result).length >= 3) kinds.push("diverging");
  }
  if (columnGroups(result).length > 0) kinds.push("dot");
  if (timeGroup(result, ctx)) kinds.push("trend");
  return kinds;
}
