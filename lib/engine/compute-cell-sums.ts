/**
 * In-memory reference implementation of the store's per-cell GROUP BY: applies the golden data
 * rules (test/fixtures/golden/README.md, "Data rules") to a parsed CSV and returns the
 * `CrosstabInput` that `lib/stats` consumes.
 */
import type { CellSums, CrosstabInput, RowCounts } from "@/lib/schema/cell-sums";
import { getOutcomeCategories, type CrosstabSpec } from "@/lib/schema/crosstab-spec";
import { compareBytes } from "./byte-compare";
import { parseRNumeric } from "./parse-r-numeric";

/** A parsed CSV: header names and rows of raw text cells ("" = missing). */
export interface TextTable {
  header: string[];
  rows: string[][];
}

function columnIndex(header: string[], name: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`column not in csv: ${name}`);
  return i;
}

/** A cell's text, or null when missing (empty or absent in a short row). */
function cellText(row: string[], index: number): string | null {
  const v = row[index];
  return v === undefined || v === "" ? null : v;
}

/**
 * Segment levels: explicit ones in their order, else every non-empty value of the segment column
 * in the whole table (before filters), byte-sorted.
 * @example segmentLevelsOf({ header: ["s"], rows: [["b"], ["a"], [""]] }, "s") // ["a", "b"]
 */
export function segmentLevelsOf(table: TextTable, segment: string, explicit?: string[]): string[] {
  if (explicit !== undefined) return [...explicit];
  const si = columnIndex(normaliseHeader(table.header), segment);
  const seen = new Set<string>();
  for (const row of table.rows) {
    const v = cellText(row, si);
    if (v !== null) seen.add(v);
  }
  return [...seen].sort(compareBytes);
}

function normaliseHeader(header: string[]): string[] {
  return header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, "") : h));
}

function emptyCell(segment: string | null, outcome: string | null): CellSums {
  return { segment, outcome, n: 0, sw: 0, sw2: 0, sy: 0, sy2: 0, swy: 0, swy2: 0, sw2y: 0, sw2y2: 0 };
}

/**
 * Apply filters and exclusions to a text table and accumulate per (segment, outcome) sums.
 * @example
 * computeCellSums(
 *   { header: ["q", "seg"], rows: [["Yes", "A"], ["No", "B"]] },
 *   crosstabSpecSchema.parse({ outcome: "q", outcome_category: "Yes", segment: "seg" }),
 * ).rows.analytic // 2
 */
export function computeCellSums(table: TextTable, spec: CrosstabSpec): CrosstabInput {
  const header = normaliseHeader(table.header);
  const oi = columnIndex(header, spec.outcome);
  const si = columnIndex(header, spec.segment);
  const wi = spec.weight === undefined ? -1 : columnIndex(header, spec.weight);
  const filters = Object.entries(spec.filters ?? {}).map(
    ([col, allowed]) => [columnIndex(header, col), new Set(allowed)] as const,
  );
  const isMean = spec.statistic === "mean";
  const categories = getOutcomeCategories(spec);
  const catSet = new Set(categories);
  const levels = segmentLevelsOf({ header, rows: table.rows }, spec.segment, spec.segment_levels);
  const levelSet = new Set(levels);
  const keepMissingSegment = spec.missing_segment === "include_in_total";

  const rows: RowCounts = {
    csv: table.rows.length,
    after_filters: 0,
    excluded_missing_outcome: 0,
    excluded_missing_segment: 0,
    excluded_invalid_weight: 0,
    analytic: 0,
  };
  const cells = new Map<string, CellSums>();

  for (const row of table.rows) {
    const passes = filters.every(([ci, allowed]) => {
      const v = cellText(row, ci);
      return v !== null && allowed.has(v);
    });
    if (!passes) continue;
    rows.after_filters++;

    const rawOutcome = cellText(row, oi);
    let y: number | null;
    if (isMean) y = rawOutcome === null ? null : parseRNumeric(rawOutcome);
    else y = rawOutcome === null ? null : catSet.has(rawOutcome) ? 1 : 0;
    if (y === null) {
      rows.excluded_missing_outcome++;
      continue;
    }

    const rawSegment = cellText(row, si);
    const segment = rawSegment !== null && levelSet.has(rawSegment) ? rawSegment : null;
    if (segment === null && !keepMissingSegment) {
      rows.excluded_missing_segment++;
      continue;
    }

    let w = 1;
    if (wi >= 0) {
      const rawWeight = cellText(row, wi);
      const parsed = rawWeight === null ? null : parseRNumeric(rawWeight);
      if (parsed === null || !(parsed > 0)) {
        rows.excluded_invalid_weight++;
        continue;
      }
      w = parsed;
    }
    rows.analytic++;

    const outcome = isMean ? null : rawOutcome;
    const key = JSON.stringify([segment, outcome]);
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = emptyCell(segment, outcome);
      cells.set(key, cell);
    }
    const w2 = w * w;
    cell.n++;
    cell.sw += w;
    cell.sw2 += w2;
    cell.sy += y;
    cell.sy2 += y * y;
    cell.swy += w * y;
    cell.swy2 += w * y * y;
    cell.sw2y += w2 * y;
    cell.sw2y2 += w2 * y * y;
  }

  return {
    statistic: spec.statistic,
    outcomeCategories: isMean ? [] : categories,
    confLevel: spec.conf_level,
    missingSegment: spec.missing_segment,
    segmentLevels: levels,
    rows,
    cells: [...cells.values()],
  };
}
