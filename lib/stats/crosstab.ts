/**
 * `computeCrosstab`: every statistic of a segment breakdown, derived from per-cell sums
 * (`CrosstabInput`), with the names and nesting of the golden oracle output.
 */
import { AppError } from "@/lib/schema/errors";
import type { CellSums, CrosstabInput } from "@/lib/schema/cell-sums";
import type { ChisqTest, CrosstabResult, MeanCrosstabResult, ProportionCrosstabResult } from "@/lib/schema/crosstab-result";
import { compareBytes } from "@/lib/engine/byte-compare";
import { chisqTest, type TableCell } from "./chisq";
import { qnorm } from "./distributions";
import { meanBlock } from "./mean-block";
import { meanPair, proportionPair } from "./pairwise";
import { proportionBlock, type BlockContext } from "./proportion-block";
import { sumCells, type DomainSums } from "./sums";

function pairsOf<T>(levels: string[], sums: Map<string, DomainSums>, make: (a: string, b: string, da: DomainSums, db: DomainSums) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < levels.length; i++) {
    for (let j = i + 1; j < levels.length; j++) {
      out.push(make(levels[i], levels[j], sums.get(levels[i])!, sums.get(levels[j])!));
    }
  }
  return out;
}

/** Two-way table segment × column key over the cells that have a segment (empty rows/cols dropped). */
function tableTest(cells: CellSums[], levels: string[], colOf: (c: CellSums) => string, nAnalytic: number): ChisqTest {
  const withSeg = cells.filter((c) => c.segment !== null && c.n > 0 && levels.includes(c.segment));
  const rows = levels.filter((s) => withSeg.some((c) => c.segment === s));
  const cols = [...new Set(withSeg.map(colOf))].sort(compareBytes);
  const grid: TableCell[][] = rows.map(() => cols.map(() => ({ n: 0, sw: 0, sw2: 0 })));
  for (const c of withSeg) {
    const cell = grid[rows.indexOf(c.segment!)][cols.indexOf(colOf(c))];
    cell.n += c.n;
    cell.sw += c.sw;
    cell.sw2 += c.sw2;
  }
  return chisqTest({ rows, cols, cells: grid, nAnalytic });
}

/**
 * Compute a crosstab from per-cell sums: totals, segments, all pairwise comparisons and (for
 * proportions) chi-square tests, reproducing R's `survey` package (see oracle.R).
 * @example
 * const input = computeCellSums(table, spec);
 * const result = computeCrosstab(input);
 * result.segments[0].weighted?.p
 */
export function computeCrosstab(input: CrosstabInput): CrosstabResult {
  const { statistic, confLevel, segmentLevels: levels, rows } = input;
  // bad input, not a bug: filters, missing answers or non-positive weights left no respondent (the
  // message gives no count, so it cannot be told apart from a small-cell refusal by its text)
  if (rows.analytic < 1) throw new AppError("invalid_spec", "too few respondents to estimate after the filters, missing answers and weights", { reason: "no_rows" });
  const cats = new Set(input.outcomeCategories);
  const isYes = statistic === "proportion" ? (c: CellSums) => c.outcome !== null && cats.has(c.outcome) : null;
  const nAnalytic = input.cells.reduce((a, c) => a + c.n, 0);
  const z = qnorm(1 - (1 - confLevel) / 2);
  const ctx: BlockContext = { level: confLevel, z, nAnalytic };

  const bySegment = new Map<string, DomainSums>();
  for (const s of levels) bySegment.set(s, sumCells(input.cells.filter((c) => c.segment === s), isYes));
  const totalSums = sumCells(input.cells, isYes);
  const analyticWithSegment = input.cells.reduce((a, c) => a + (c.segment !== null ? c.n : 0), 0);
  const common = {
    conf_level: confLevel,
    z,
    rows: { ...rows, analytic_with_segment: analyticWithSegment },
    segment_levels: [...levels],
    notes: [] as string[],
  };

  if (statistic === "mean") {
    const result: MeanCrosstabResult = {
      ...common,
      statistic: "mean",
      outcome_levels: null,
      total: meanBlock(totalSums, ctx),
      segments: levels.map((s) => ({ segment: s, ...meanBlock(bySegment.get(s)!, ctx) })),
      pairwise: pairsOf(levels, bySegment, (a, b, da, db) => meanPair(a, b, da, db, nAnalytic)),
      chisq: null,
    };
    return result;
  }

  const outcomeLevels = [...new Set(input.cells.filter((c) => c.n > 0).map((c) => c.outcome ?? ""))].sort(compareBytes);
  const result: ProportionCrosstabResult = {
    ...common,
    statistic: "proportion",
    outcome_levels: outcomeLevels,
    total: proportionBlock(totalSums, ctx),
    segments: levels.map((s) => ({ segment: s, ...proportionBlock(bySegment.get(s)!, ctx) })),
    pairwise: pairsOf(levels, bySegment, (a, b, da, db) => proportionPair(a, b, da, db, nAnalytic)),
    chisq: {
      full: tableTest(input.cells, levels, (c) => c.outcome ?? "", nAnalytic),
      binary: tableTest(input.cells, levels, (c) => (isYes!(c) ? "category" : "other"), nAnalytic),
    },
  };
  return result;
}
