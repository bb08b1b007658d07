import { WeightingError, label } from "./errors";

/** A cell definition: the values it matches and its target total. */
export interface CellTarget {
  match: Record<string, string>;
  /** target total (share × total weight) */
  target: number;
}

/** Post-stratified weights (one per weighted row) and the row count of every cell. */
export interface CellResult {
  weights: Float64Array;
  counts: number[];
  /** cells with a target but no rows that were dropped (`partial`) */
  dropped: number[];
}

/**
 * The cell of each row. `values` maps each matched column to the values of the weighted rows.
 * A row must match exactly one cell.
 *
 * @example assignCells({ size: ["a", "b"] }, [{ match: { size: "b" }, target: 1 }, { match: { size: "a" }, target: 1 }]) // Int32Array [1, 0]
 * @throws WeightingError `no cell matches data row: 17 (country=FR, size=5,000+)`
 */
export function assignCells(values: Record<string, string[]>, cells: CellTarget[], rowNumbers?: number[]): Int32Array {
  const columns = Object.keys(values);
  const n = columns.length ? values[columns[0]].length : 0;
  const seen = new Map<string, number>();
  cells.forEach((c, k) => {
    const key = JSON.stringify(Object.entries(c.match).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const prev = seen.get(key);
    if (prev !== undefined) throw new WeightingError("invalid_targets", `duplicate cell: ${label(c.match)} (cells ${prev + 1} and ${k + 1})`);
    seen.set(key, k);
  });
  const out = new Int32Array(n);
  const rowLabel = (i: number) => columns.map((c) => `${c}=${values[c][i]}`).join(", ");
  const rowNo = (i: number) => (rowNumbers ? rowNumbers[i] + 1 : i + 1);
  for (let i = 0; i < n; i++) {
    let found = -1;
    for (let k = 0; k < cells.length; k++) {
      const m = cells[k].match;
      let ok = true;
      for (const col in m) {
        if (values[col][i] !== m[col]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (found >= 0) throw new WeightingError("invalid_targets", `cells overlap: row ${rowNo(i)} matches cells ${found + 1} and ${k + 1}`);
      found = k;
    }
    if (found < 0) throw new WeightingError("absent_category", `no cell matches data row: ${rowNo(i)} (${rowLabel(i)})`);
    out[i] = found;
  }
  return out;
}

/**
 * Cell weighting as R's `survey::postStratify`: every row's base weight is multiplied by
 * target / (base-weight total) of its cell. A cell with a positive target and no rows is an
 * error, or with `partial` is dropped (R's `partial = TRUE`; the weights then fall short of
 * the total by that cell's target).
 *
 * @example postStratify(Float64Array.of(1, 1, 1), Int32Array.of(0, 0, 1), [cellA, cellB], "error").weights
 * @throws WeightingError `cell absent from data: country=IN, size=5,000+`
 */
export function postStratify(base: Float64Array, codes: Int32Array, cells: CellTarget[], emptyCells: "error" | "partial"): CellResult {
  const sums = cells.map(() => 0);
  const counts = cells.map(() => 0);
  for (let i = 0; i < base.length; i++) {
    sums[codes[i]] += base[i];
    counts[codes[i]]++;
  }
  const dropped: number[] = [];
  cells.forEach((c, k) => {
    if (counts[k] > 0 || c.target === 0) return;
    if (emptyCells === "error") {
      throw new WeightingError("absent_category", `cell absent from data: ${label(c.match)}`, { cell: k + 1 });
    }
    dropped.push(k);
  });
  const factor = cells.map((c, k) => (sums[k] > 0 ? c.target / sums[k] : 0));
  const weights = base.map((b, i) => b * factor[codes[i]]);
  return { weights, counts, dropped };
}
