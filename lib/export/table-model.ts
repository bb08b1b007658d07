/**
 * A neutral table model built from the same breakdown rows and formatters (`lib/format/number`) as
 * the on-screen table, so CSV and XLSX show exactly the text the UI shows. Writers (csv.ts, xlsx.ts)
 * only lay this model out; they never format numbers themselves.
 */
import type { BreakdownRow } from "@/lib/analysis/breakdown-rows";
import { formatBase, formatCount, formatNumber, formatPercent, formatPercentInterval } from "@/lib/format/number";
import { hiddenFootnotes } from "@/lib/disclosure/rules";
import { lettersRule, type LettersRule } from "@/lib/stats/letters-rule";

/** What a cell holds, which decides its number format and escaping. */
export type ExportCellKind = "percent" | "number" | "count" | "base" | "text" | "letters";

export interface ExportCell {
  /** the text the UI shows (formatted by lib/format/number) */
  text: string;
  /** the raw number for numeric kinds (a share 0..1 for "percent"); absent when undefined ("n/a") */
  value?: number;
  kind: ExportCellKind;
}

export interface ExportRow {
  cells: ExportCell[];
  isTotal: boolean;
  /** effective base under the minimum: shaded in XLSX, "low base" in the Note column */
  lowBase: boolean;
}

export interface ExportTable {
  title: string;
  subtitle: string;
  header: ExportCell[];
  rows: ExportRow[];
  footnotes: string[];
}

export interface ExportTableInput {
  title: string;
  subtitle?: string;
  statistic: "proportion" | "mean";
  /** e.g. 0.95 */
  confLevel: number;
  weighted: boolean;
  rows: BreakdownRow[];
  /** e.g. "Base: all respondents who answered Q3 (n = 1,571)" */
  baseNote: string;
  source?: string;
  /** the minimum effective base used to flag rows, for the legend */
  minBase?: number;
  /** the rule the letters were assigned by (the screen's): stated word for word in the footnotes */
  letters: LettersRule;
}

/** Text shown in the Note column of a low-base row (same words as the UI badge). */
export const LOW_BASE_TEXT = "low base";

const text = (t: string): ExportCell => ({ text: t, kind: "text" });
const num = (value: number | null | undefined, kind: ExportCellKind, t: string): ExportCell =>
  typeof value === "number" && Number.isFinite(value) ? { text: t, value, kind } : { text: t, kind };

function estimateCell(r: BreakdownRow, statistic: ExportTableInput["statistic"]): ExportCell {
  // a cell hidden by small-cell protection exports as its "< k" text, never a number
  if (r.hidden !== null && r.estimate === null) return { text: r.hidden, kind: "text" };
  return statistic === "mean" ? num(r.estimate, "number", formatNumber(r.estimate)) : num(r.estimate, "percent", formatPercent(r.estimate));
}

function ciText(r: BreakdownRow, statistic: ExportTableInput["statistic"]): string {
  if (statistic === "proportion") return formatPercentInterval(r.ci);
  return r.ci ? `${formatNumber(r.ci[0])}–${formatNumber(r.ci[1])}` : "n/a";
}

/** The Sig. column's legend: the screen's letters rule, word for word, and what "–" means. */
function significanceLegend(input: ExportTableInput): string {
  return `Sig. (Col = the column's letter): ${lettersRule(input.letters)} – = no significant difference.`;
}

/**
 * Build the export table for a breakdown.
 * @example
 * const t = toExportTable({ title: "Satisfied by region", statistic: "proportion", confLevel: 0.95,
 *   weighted: true, rows, baseNote: "Base: all respondents", letters: { test: "weighted_z", correction: "none" } });
 * t.header.map((c) => c.text) // ["Segment", "Col", "Share (%)", "Sig.", "95% CI", "n", "Weighted n", "Effective n", "Note"]
 * t.rows[0].cells[2] // { text: "74.1%", value: 0.7412, kind: "percent" }
 */
export function toExportTable(input: ExportTableInput): ExportTable {
  const { statistic, weighted } = input;
  const headerTexts = [
    "Segment",
    "Col",
    // plain words: a bare "%" would be formula-escaped to "'%" in the files
    statistic === "mean" ? "Mean" : "Share (%)",
    "Sig.",
    `${Math.round(input.confLevel * 100)}% CI`,
    "n",
    ...(weighted ? ["Weighted n"] : []),
    "Effective n",
    "Note",
  ];
  const rows: ExportRow[] = input.rows.map((r) => {
    const lowBase = r.lowBase && (r.n ?? 0) > 0;
    const cells: ExportCell[] = [
      text(r.label),
      { text: r.letter, kind: "letters" },
      estimateCell(r, statistic),
      { text: r.isTotal ? "" : r.sigText || "–", kind: "letters" },
      text(ciText(r, statistic)),
      r.n === null ? { text: r.hidden ?? "n/a", kind: "text" as const } : num(r.n, "count", formatCount(r.n)),
      ...(weighted ? [num(r.weightedN, "base", formatBase(r.weightedN))] : []),
      num(r.effectiveN, "base", formatBase(r.effectiveN)),
      text(lowBase ? LOW_BASE_TEXT : ""),
    ];
    return { cells, isTotal: r.isTotal, lowBase };
  });
  const method = input.rows[0]?.ciMethod;
  const footnotes = [
    input.baseNote,
    `${weighted ? "Weighted" : "Unweighted"} estimates${method ? `; ${Math.round(input.confLevel * 100)}% intervals: ${method}` : ""}.`,
    significanceLegend(input),
    `Low base: effective n${input.minBase !== undefined ? ` below ${formatCount(input.minBase)}` : " under the minimum"}; read with caution (marked "${LOW_BASE_TEXT}").`,
    ...hiddenFootnotes(input.rows.map((r) => r.hidden)),
    ...(input.source ? [`Source: ${input.source}`] : []),
  ];
  return {
    title: input.title,
    subtitle: input.subtitle ?? `${weighted ? "Weighted" : "Unweighted"} · ${statistic === "mean" ? "mean" : "share"} by segment`,
    header: headerTexts.map(text),
    rows,
    footnotes,
  };
}
