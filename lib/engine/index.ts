/** In-memory reference engine: text table + spec → per-cell sums (`CrosstabInput`). */
export { computeCellSums, segmentLevelsOf } from "./compute-cell-sums";
export type { TextTable } from "./compute-cell-sums";
export { parseRNumeric } from "./parse-r-numeric";
export { compareBytes } from "./byte-compare";
