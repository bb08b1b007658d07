import type { Bounds, BoundsReport, Convergence, MarginReport, SubScheme, TargetUnits } from "@/lib/schema/weighting";
import { boundedRake } from "./bounded-rake";
import { assignCells, postStratify } from "./cell";
import type { WeightingTable } from "./csv";
import { buildMargin, rake, type RakeResult } from "./rake";
import { boundsReport, directConvergence, marginReports } from "./report";
import { columnValues, type PreparedRows } from "./table";
import { normalizeTargets } from "./targets";

/** The weights of one rake/cell scheme over its rows, with what the report needs. */
export interface RowsResult {
  /** 0-based data rows weighted, in file order */
  index: number[];
  /** one weight per row of `index` */
  weights: Float64Array;
  margins: MarginReport[];
  convergence: Convergence;
  bounds: BoundsReport | null;
}

/**
 * The columns a rake/cell scheme reads (a row missing any of them is not weighted).
 * @example schemeColumns({ method: "rake", targets: { a: {}, b: {} } } as RakeScheme) // ["a", "b"]
 */
export function schemeColumns(scheme: SubScheme): string[] {
  if (scheme.method === "rake") return Object.keys(scheme.targets);
  return [...new Set(scheme.cells.flatMap((c) => Object.keys(c.match)))];
}

/**
 * Bounds relative to the mean weight as `{min, max}` (`ratio: r` → 1/r and r; a missing
 * side is 0 or ∞), or null without bounds.
 * @example relativeBounds({ ratio: 4 }) // { min: 0.25, max: 4 }
 */
export function relativeBounds(bounds: Bounds | undefined): { min: number; max: number } | null {
  if (!bounds) return null;
  if (bounds.ratio !== undefined) return { min: 1 / bounds.ratio, max: bounds.ratio };
  return { min: bounds.min ?? 0, max: bounds.max ?? Number.POSITIVE_INFINITY };
}

/**
 * Weight the prepared rows with a rake or cell scheme so the weights sum to `total` (default:
 * the count total for count targets, else the number of rows).
 *
 * @example weighRows(table, prepareRows(table, all, ["size"]), scheme, "share", null).weights
 * @throws WeightingError for absent categories, bad targets, impossible bounds or non-convergence
 */
export function weighRows(
  table: WeightingTable,
  rows: PreparedRows,
  scheme: SubScheme,
  units: TargetUnits,
  total: number | null,
  group?: string,
): RowsResult {
  const { index, base } = rows;
  const n = index.length;
  if (scheme.method === "rake") {
    const { shares, countTotal } = normalizeTargets(scheme.targets, units);
    const T = total ?? countTotal ?? n;
    const margins = Object.keys(shares).map((v) => buildMargin(v, columnValues(table, index, v), shares[v], T));
    const rel = relativeBounds(scheme.bounds);
    const mean = T / n;
    const options = { tolerance: scheme.tolerance, maxIterations: scheme.max_iterations };
    const result: RakeResult = rel
      ? boundedRake(base, margins, { lower: rel.min * mean, upper: rel.max * mean }, options)
      : rake(base, margins, options);
    const reports = margins.flatMap((m) =>
      marginReports(
        result.weights,
        m.codes,
        m.categories.map((c) => ({ [m.variable]: c })),
        m.categories.map((c) => shares[m.variable][c]),
        group,
      ),
    );
    return {
      index,
      weights: result.weights,
      margins: reports,
      convergence: result.convergence,
      bounds: rel ? boundsReport(result.weights, rel.min, rel.max, mean) : null,
    };
  }
  const { shares, countTotal } = normalizeTargets({ cells: Object.fromEntries(scheme.cells.map((c, k) => [String(k), c.share])) }, units);
  const T = total ?? countTotal ?? n;
  const cellShares = scheme.cells.map((_, k) => shares.cells[String(k)]);
  const cells = scheme.cells.map((c, k) => ({ match: c.match, target: cellShares[k] * T }));
  const values = Object.fromEntries(schemeColumns(scheme).map((col) => [col, columnValues(table, index, col)]));
  const codes = assignCells(values, cells);
  const { weights } = postStratify(base, codes, cells, scheme.empty_cells);
  const sums = cells.map(() => 0);
  weights.forEach((w, i) => {
    sums[codes[i]] += w;
  });
  const error = Math.max(...cells.map((c, k) => Math.abs(sums[k] - c.target) / T));
  return {
    index,
    weights,
    margins: marginReports(weights, codes, cells.map((c) => c.match), cellShares, group),
    convergence: directConvergence(error),
    bounds: null,
  };
}
