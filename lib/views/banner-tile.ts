import { PERTURBED_LABEL } from "@/lib/disclosure/cell-key/label";
import type { ChartDatum } from "@/lib/analysis/chart-data";
import { formatCount, formatCountOf, formatNumber, formatPercent, formatPercentInterval, plural } from "@/lib/format/number";
import type { BannerResult } from "@/lib/schema/banner";

/** A banner table reduced to display strings for a dashboard tile (hidden cells stay "< k"). */
export interface BannerTable {
  columns: { id: string; label: string; group: string | null }[];
  rows: { id: string; label: string; cells: string[] }[];
}

/**
 * Banner result (already small-cell protected) → the tile's figures: a compact table of every
 * answer by every column, and a chart of the first answer across the columns.
 *
 * @example bannerFigures(result, { filters: "" }).table.columns[0].label // "Total"
 */
export function bannerFigures(r: BannerResult, o: { filters: string }): { chart: ChartDatum[]; hiddenCount: number; baseNote: string; table: BannerTable } {
  const pct = r.statistic === "proportion";
  const fmt = (v: number | null) => (pct ? formatPercent(v) : formatNumber(v));
  const table: BannerTable = {
    columns: r.columns.map((c) => ({ id: c.id, label: c.label, group: c.segmentLabel })),
    rows: r.rows.map((row) => ({
      id: row.id,
      label: row.label,
      cells: r.columns.map((c) => {
        const cell = row.cells.find((x) => x.columnId === c.id);
        return cell?.hidden ?? c.hidden ?? fmt(cell?.value ?? null);
      }),
    })),
  };
  const first = r.rows[0];
  const scale = pct ? 100 : 1;
  const chart: ChartDatum[] = [];
  for (const c of r.columns) {
    const cell = first?.cells.find((x) => x.columnId === c.id);
    if (!cell || cell.hidden || c.hidden || c.n === null) continue;
    chart.push({
      key: c.id,
      label: c.label,
      value: cell.value === null ? null : cell.value * scale,
      lo: cell.ci ? cell.ci[0] * scale : null,
      hi: cell.ci ? cell.ci[1] * scale : null,
      n: c.n,
      isTotal: c.segment === null,
      lowBase: c.lowBase,
      valueText: fmt(cell.value),
      ciText: pct ? formatPercentInterval(cell.ci) : cell.ci ? `${formatNumber(cell.ci[0])}–${formatNumber(cell.ci[1])}` : "n/a",
      baseText: `n = ${formatCount(c.n)}`,
    });
  }
  const total = r.columns.find((c) => c.segment === null);
  const hiddenCount = r.columns.filter((c) => c.hidden !== null).length;
  const parts = [
    `Base: n = ${formatCount(total?.n)} ${plural(total?.n, "respondent")}`,
    ...(o.filters ? [`filtered (${o.filters})`] : []),
    r.weighted ? "weighted" : "unweighted",
    `${Math.round(r.conf_level * 100)}% intervals`,
    ...(r.disclosure.suppressedCells ? [`${formatCountOf(r.disclosure.suppressedCells, "cell")} hidden (small, or protecting a small cell)`] : []),
    ...(r.disclosure.perturbed ? [`counts ${PERTURBED_LABEL}`] : []),
    ...(first ? [`chart: “${first.label}”`] : []),
  ];
  return { chart, hiddenCount, baseNote: parts.join(" · "), table };
}
