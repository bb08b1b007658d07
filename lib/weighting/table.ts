import type { WeightingTable } from "./csv";
import { WeightingError } from "./errors";

/** Rows of a table that have every weighting variable, with their base weights. */
export interface PreparedRows {
  /** 0-based data row numbers, in file order */
  index: number[];
  /** base weight of each included row (1 without a base weight column) */
  base: Float64Array;
}

/**
 * Column position by name.
 * @example columnIndex({ header: ["id", "size"], rows: [] }, "size") // 1
 * @throws WeightingError `unknown column: sise`
 */
export function columnIndex(table: WeightingTable, name: string): number {
  const i = table.header.indexOf(name);
  if (i < 0) throw new WeightingError("invalid_data", `unknown column: ${name}`);
  if (table.header.indexOf(name, i + 1) >= 0) throw new WeightingError("invalid_data", `duplicate column: ${name}`);
  return i;
}

/**
 * The value of a cell, `""` (missing) for a short row.
 * @example cell({ header: ["a", "b"], rows: [["x"]] }, 0, 1) // ""
 */
export function cell(table: WeightingTable, row: number, col: number): string {
  return table.rows[row][col] ?? "";
}

/**
 * Keep the candidate rows that have a value in every column (and a base weight); parse the
 * base weights, which must be positive numbers.
 *
 * @example prepareRows({ header: ["a"], rows: [["x"], [""]] }, [0, 1], ["a"]).index // [0]
 * @throws WeightingError `invalid base weight: column w has values that are not positive numbers` (no row or value: they would disclose a respondent)
 */
export function prepareRows(table: WeightingTable, candidates: number[], columns: string[], baseWeight?: string): PreparedRows {
  const cols = columns.map((c) => columnIndex(table, c));
  const bcol = baseWeight === undefined ? -1 : columnIndex(table, baseWeight);
  const index: number[] = [];
  const base: number[] = [];
  for (const r of candidates) {
    if (cols.some((c) => cell(table, r, c) === "")) continue;
    if (bcol < 0) {
      index.push(r);
      base.push(1);
      continue;
    }
    const raw = cell(table, r, bcol).trim();
    if (raw === "") continue;
    const w = Number(raw);
    if (!Number.isFinite(w) || w <= 0) throw new WeightingError("invalid_data", `invalid base weight: column ${baseWeight} has values that are not positive numbers (weights must be > 0, or empty for missing)`);
    index.push(r);
    base.push(w);
  }
  return { index, base: Float64Array.from(base) };
}

/**
 * Values of a column for the given rows.
 * @example columnValues({ header: ["a"], rows: [["x"], ["y"]] }, [1], "a") // ["y"]
 */
export function columnValues(table: WeightingTable, rows: number[], column: string): string[] {
  const c = columnIndex(table, column);
  return rows.map((r) => cell(table, r, c));
}
