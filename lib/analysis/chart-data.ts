import { formatBase, formatCount, formatNumber, formatPercent, formatPercentInterval } from "@/lib/format/number";
import type { BreakdownRow } from "./breakdown-rows";

/** Chart-ready datum built from the same rows and formatters as the table. */
export interface ChartDatum {
  key: string;
  label: string;
  value: number | null;
  lo: number | null;
  hi: number | null;
  n: number;
  isTotal: boolean;
  lowBase: boolean;
  valueText: string;
  ciText: string;
  baseText: string;
}

/**
 * Breakdown rows → chart data on the display scale (percent points for shares).
 * @example toChartData(rows, "proportion")[0].valueText // "74.1%"
 */
export function toChartData(rows: BreakdownRow[], statistic: "proportion" | "mean"): ChartDatum[] {
  const scale = statistic === "proportion" ? 100 : 1;
  // hidden (small) cells are left out before the axis is scaled, so no bar or axis hints at them
  return rows.filter((r) => r.hidden === null).map((r) => ({
    key: r.key,
    label: r.label,
    value: r.estimate === null ? null : r.estimate * scale,
    lo: r.ci ? r.ci[0] * scale : null,
    hi: r.ci ? r.ci[1] * scale : null,
    n: r.n ?? 0,
    isTotal: r.isTotal,
    lowBase: r.lowBase,
    valueText: statistic === "proportion" ? formatPercent(r.estimate) : formatNumber(r.estimate),
    ciText: statistic === "proportion" ? formatPercentInterval(r.ci) : r.ci ? `${formatNumber(r.ci[0])}–${formatNumber(r.ci[1])}` : "n/a",
    baseText: `n = ${formatCount(r.n)}${r.weightedN !== null && r.weightedN !== r.n ? `, weighted ${formatBase(r.weightedN)}` : ""}, effective ${formatBase(r.effectiveN)}`,
  }));
}
