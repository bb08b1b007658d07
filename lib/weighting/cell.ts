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
 * Error messages name the matched columns and the cells, never a row's values or position
 * (they would disclose a respondent).
 *
 * @throws WeightingError `some rows match no cell: add a cell for every combination of country × size, or mark them missing`
 */
export function assignCells(values: Record<string, string[]>, cells: CellTarget[]): Int32Array {
  const columns = Object.keys(values);
  const n = columns.length ? values[columns[0]].length : 0;
  const seen = new Map<string, number>();
  cells.forEach((c, k) => {
    const key = JSON.stringify(Object.entries(c.match).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const prev = seen.get(key);
    if (prev !== undefined) throw new WeightingError("invalid_targets", `duplicate cell: ${label(c.match)} (cells ${prev + 1} and ${k + 1})`);
    seen.set(key, k);
  });
  // Overlap is judged on the scheme alone (two cells that agree on every column they share),
  // so the message never depends on, or reveals, which rows exist.
  for (let a = 0; a < cells.length; a++) {
    for (let b = a + 1; b < cells.length; b++) {
      const ma = cells[a].match;
      const mb = cells[b].match;
      if (Object.keys(ma).every((col) => !(col in mb) || mb[col] === ma[col])) {
        throw new WeightingError("invalid_targets", `cells overlap: cells ${a + 1} and ${b + 1} (${label(ma)} / ${label(mb)}) can match the same row`);
      }
    }
  }
  const out = new Int32Array(n);
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
      found = k;
      break;
    }
    if (found < 0) throw new WeightingError(
        "absent_category",
        `some rows match no cell: add a cell for every combination of ${columns.join(" × ")}, or mark them missing`,
        { columns },
      );
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
