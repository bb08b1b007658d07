import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { CellSums, CrosstabInput } from "@/lib/schema/cell-sums";
import { CHOSEN } from "@/lib/analysis/plan";
import { compareBytes } from "@/lib/engine/byte-compare";
import { STATUS } from "./crosstab-sql";

/** One row of the cell-sums query: a cell's sums plus the exclusion status of its rows. */
export type SumsRow = CellSums & { status: number };

/**
 * Fold the status-grouped rows of `buildCellSumsStatement` into the stats engine's input:
 * row accounting from the status groups, cells from the analytic group.
 */
export function toCrosstabInput(plan: CrosstabPlan, segmentLevels: string[], rows: SumsRow[]): CrosstabInput {
  const byStatus = [0, 0, 0, 0, 0, 0];
  const keys = [0, 0, 0, 0, 0, 0];
  let keyed = false;
  let counted = false;
  const cells: CellSums[] = [];
  // a share's y is fixed by the cell's outcome (1 for the outcome categories / a chosen option),
  // so its y sums follow from n, Σw and Σw² (the statement leaves them out); a mean's are summed
  const cats = new Set(plan.outcomeCategories);
  const yOf = plan.statistic === "mean" ? null : plan.outcome.kind === "multi-option" ? (o: string | null) => (o === CHOSEN ? 1 : 0) : (o: string | null) => (o !== null && cats.has(o) ? 1 : 0);
  for (const row of rows) {
    const r = yOf && row.status === STATUS.analytic ? withShareSums(row, yOf(row.outcome)) : row;
    byStatus[r.status] += r.n;
    if (r.ck !== undefined) {
      keyed = true;
      keys[r.status] += r.ck;
    }
    if (r.status === STATUS.total) counted = true;
    if (r.status !== STATUS.analytic) continue;
    cells.push({
      segment: r.segment,
      outcome: plan.statistic === "mean" ? null : r.outcome,
      n: r.n,
      sw: r.sw,
      sw2: r.sw2,
      sy: r.sy,
      sy2: r.sy2,
      swy: r.swy,
      swy2: r.swy2,
      sw2y: r.sw2y,
      sw2y2: r.sw2y2,
      ...(r.ck !== undefined ? { ck: r.ck, cky: r.cky ?? 0 } : {}),
    });
  }
  // cells in one order whatever order the database grouped them in (byte order of segment, then
  // outcome; null first), so floating-point sums over cells are the same on every run and backend
  const key = (v: string | null) => (v === null ? "" : `\u0001${v}`);
  cells.sort((a, b) => compareBytes(key(a.segment), key(b.segment)) || compareBytes(key(a.outcome), key(b.outcome)));
  // rows the filters kept: every status but `total`; with filters, `total` is the table's row count
  const afterFilters = byStatus.slice(0, STATUS.total).reduce((a, b) => a + b, 0) - byStatus[STATUS.filtered];
  const total = counted ? byStatus[STATUS.total] : afterFilters + byStatus[STATUS.filtered];
  return {
    statistic: plan.statistic,
    outcomeCategories: plan.outcomeCategories,
    confLevel: plan.confLevel,
    missingSegment: plan.missingSegment,
    segmentLevels,
    rows: {
      csv: total,
      after_filters: afterFilters,
      excluded_missing_outcome: byStatus[STATUS.missingOutcome],
      excluded_missing_segment: byStatus[STATUS.missingSegment],
      excluded_invalid_weight: byStatus[STATUS.invalidWeight],
      analytic: byStatus[STATUS.analytic],
    },
    cells,
    ...(keyed ? { statusKeys: keys.slice(0, STATUS.total) } : {}),
  };
}

/**
 * A share cell's y sums from its n, Σw, Σw² and record keys (y is 0 or 1 for the whole cell): the
 * statement leaves them out, and a banner's shared sums re-derive them per answer.
 * @example withShareSums(cell, 1).swy === cell.sw // true
 */
export function withShareSums<C extends CellSums>(r: C, y: number): C {
  return { ...r, sy: y * r.n, sy2: y * r.n, swy: y * r.sw, swy2: y * r.sw, sw2y: y * r.sw2, sw2y2: y * r.sw2, ...(r.ck !== undefined ? { cky: y * r.ck } : {}) };
}

/** One result row of the cell-sums query as numbers (drivers return bigint/numeric text for some sums). */
export function toSumsRow(r: Record<string, unknown>): SumsRow {
  const num = (v: unknown) => (v == null ? 0 : Number(v));
  return {
    status: num(r.status),
    segment: r.segment == null ? null : String(r.segment),
    outcome: r.outcome == null ? null : String(r.outcome),
    n: num(r.n),
    sw: num(r.sw),
    sw2: num(r.sw2),
    sy: num(r.sy),
    sy2: num(r.sy2),
    swy: num(r.swy),
    swy2: num(r.swy2),
    sw2y: num(r.sw2y),
    sw2y2: num(r.sw2y2),
    ...(r.ck !== undefined ? { ck: num(r.ck), cky: num(r.cky) } : {}),
  };
}
