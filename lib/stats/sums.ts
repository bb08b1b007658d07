/**
 * Aggregation of per-cell sufficient statistics into domain (segment or total) sums.
 * Every respondent is in exactly one cell, so domain sums are plain sums over its cells.
 */
import type { CellSums } from "@/lib/schema/cell-sums";

/** Sums over the cells of one domain. */
export interface DomainSums {
  n: number;
  sw: number;
  sw2: number;
  sy: number;
  sy2: number;
  swy: number;
  swy2: number;
  sw2y: number;
  sw2y2: number;
  /** proportions: the domain's cells with their 0/1 outcome, for exact Σ w²(y − p)² */
  cells: { y: number; n: number; sw: number; sw2: number }[];
}

/**
 * Add up cells (for proportions `isYes` tells whether a cell's outcome counts as y = 1).
 * @example sumCells([], () => false).n // 0
 */
export function sumCells(cells: readonly CellSums[], isYes: ((c: CellSums) => boolean) | null): DomainSums {
  const out: DomainSums = { n: 0, sw: 0, sw2: 0, sy: 0, sy2: 0, swy: 0, swy2: 0, sw2y: 0, sw2y2: 0, cells: [] };
  for (const c of cells) {
    out.n += c.n;
    out.sw += c.sw;
    out.sw2 += c.sw2;
    out.sy += c.sy;
    out.sy2 += c.sy2;
    out.swy += c.swy;
    out.swy2 += c.swy2;
    out.sw2y += c.sw2y;
    out.sw2y2 += c.sw2y2;
    if (isYes !== null) out.cells.push({ y: isYes(c) ? 1 : 0, n: c.n, sw: c.sw, sw2: c.sw2 });
  }
  if (isYes !== null) {
    // for 0/1 outcomes recompute the y-sums from the cells so that p = 0 and p = 1 are exact
    out.sy = out.cells.reduce((s, c) => s + c.y * c.n, 0);
    out.swy = out.cells.reduce((s, c) => s + (c.y === 1 ? c.sw : 0), 0);
    out.sw2y = out.cells.reduce((s, c) => s + (c.y === 1 ? c.sw2 : 0), 0);
    out.sy2 = out.sy;
    out.swy2 = out.swy;
    out.sw2y2 = out.sw2y;
  }
  return out;
}

/**
 * Σ_{i∈d} w_i² (y_i − m)²: exact per cell for 0/1 outcomes, expanded from the sums for means.
 * @example sumSquaredWeightedDeviation(sumCells([], null), 0) // 0
 */
export function sumSquaredWeightedDeviation(d: DomainSums, m: number): number {
  if (d.cells.length > 0) return d.cells.reduce((s, c) => s + c.sw2 * (c.y - m) * (c.y - m), 0);
  return Math.max(0, d.sw2y2 - 2 * m * d.sw2y + m * m * d.sw2);
}
