/**
 * Shaping a banner result for the table: column groups, cell text and the hover text (interval,
 * count, what each letter means). Pure, so the table component only lays things out.
 */
import { isolate } from "@/lib/format/bidi";
import { formatCount, formatCountOf, formatNumber, formatPercent, formatPercentInterval } from "@/lib/format/number";
import type { BannerCell, BannerColumn, BannerResult, BannerRow } from "@/lib/schema/banner";
import { hiddenTitle } from "@/lib/disclosure/rules";

export interface BannerColumnGroup {
  /** "total" or the segment question id */
  id: string;
  label: string;
  columns: BannerColumn[];
}

/**
 * Total first, then one group per segment question, in the result's order.
 * @example bannerColumnGroups(result).map((g) => g.id) // ["total", "guardrail_maturity", "country"]
 */
export function bannerColumnGroups(result: Pick<BannerResult, "columns">): BannerColumnGroup[] {
  const groups: BannerColumnGroup[] = [];
  for (const c of result.columns) {
    const id = c.segment ?? "total";
    const last = groups.at(-1);
    if (last && last.id === id) last.columns.push(c);
    else groups.push({ id, label: c.segment === null ? "Total" : (c.segmentLabel ?? c.segment), columns: [c] });
  }
  return groups;
}

/**
 * The figure a cell shows: "74.1%", "3.20", "< 5", "—" (hidden to protect a small cell) or "n/a".
 * @example bannerCellText("proportion", { value: 0.741, hidden: null }) // "74.1%"
 */
export function bannerCellText(statistic: BannerResult["statistic"], cell: Pick<BannerCell, "value" | "hidden">): string {
  if (cell.hidden !== null) return cell.hidden;
  return statistic === "mean" ? formatNumber(cell.value) : formatPercent(cell.value);
}

/**
 * Hover text of a cell: interval, count, and each letter spelled out (labels bidi-isolated).
 * @example bannerCellTitle(result, cell) // "95% CI 61.2–74.3% · 35 respondents · higher than Early (A), p < 0.01"
 */
export function bannerCellTitle(result: Pick<BannerResult, "columns" | "statistic" | "conf_level" | "disclosure">, cell: BannerCell, kind?: BannerRow["kind"]): string {
  if (cell.hidden !== null) return hiddenTitle(cell.hidden);
  const column = result.columns.find((c) => c.id === cell.columnId);
  const conf = `${Math.round(result.conf_level * 100)}% CI`;
  const ci = result.statistic === "mean" ? (cell.ci ? `${formatNumber(cell.ci[0])}–${formatNumber(cell.ci[1])}` : "n/a") : formatPercentInterval(cell.ci);
  const parts = [`${conf} ${ci}`];
  if (cell.count !== null && kind === "nonsubstantive") parts.push(`${formatCountOf(cell.count, "respondent")}, not in the base (a share of everyone who answered)`);
  else if (cell.count !== null) parts.push(`${formatCount(cell.count)} of ${formatCountOf(column?.n, "respondent")}`);
  for (const ch of cell.letters) {
    const other = result.columns.find((c) => c.segment === column?.segment && c.letter === ch.toUpperCase());
    if (other) parts.push(`higher than ${isolate(other.label)} (${other.letter}), p < ${ch === ch.toUpperCase() ? "0.01" : "0.05"}`);
  }
  return parts.join(" · ");
}

/** What a non-substantive row ("Don't know", "Prefer not to say") is called wherever it is listed. */
export const NOT_IN_BASE = "not in the base";

/**
 * A row's label as tables and charts list it: a non-substantive answer says it is not in the base.
 * @example bannerRowLabel({ label: "Don't know", kind: "nonsubstantive" }) // "Don't know (not in the base)"
 */
export function bannerRowLabel(row: Pick<BannerRow, "label" | "kind">): string {
  return row.kind === "nonsubstantive" ? `${row.label} (${NOT_IN_BASE})` : row.label;
}

/**
 * The line a chart without them carries (stacked, diverging): the non-substantive answers and
 * their Total shares, or "" when the outcome has none.
 * @example notInBaseNote(result) // "Not in the base (shares of everyone who answered, Total): Don't know 12.8%, Prefer not to say 5.1%."
 */
export function notInBaseNote(result: Pick<BannerResult, "rows" | "columns" | "statistic">): string {
  const apart = result.rows.filter((r) => r.kind === "nonsubstantive");
  if (!apart.length) return "";
  const total = result.columns.find((c) => c.segment === null);
  const share = (r: BannerRow) => {
    const cell = total ? r.cells.find((c) => c.columnId === total.id) : undefined;
    return cell ? ` ${bannerCellText(result.statistic, cell)}` : "";
  };
  return `Not in the base (shares of everyone who answered${total ? ", Total" : ""}): ${apart.map((r) => `${r.label}${share(r)}`).join(", ")}.`;
}
