import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { SqlDialect } from "./dialect";
import { rowParts, type Statement } from "./crosstab-sql";
import { Params } from "./params";

/**
 * Who a crosstab counts, row by row (the disclosure audit's populations, aggregate-only audiences
 * only): for every row the filters keep, its ordinal in file order (`o`, `dialect.rowOrder`),
 * its exclusion status (`STATUS`), its segment level (null when missing or not a level), its
 * outcome value text and y (1 when in the outcome categories / chosen). Built from the same
 * `rowParts` as `buildCellSumsStatement`, so the populations are exactly the rows its sums run over.
 */
export function buildMembershipStatement(table: string, plan: CrosstabPlan, segmentLevels: string[] | undefined, d: SqlDialect, typed: ReadonlySet<string> = new Set()): Statement {
  const p = new Params();
  const r = rowParts(table, plan, segmentLevels, d, typed, p);
  const sql = `SELECT ${r.order} AS o, ${r.status} AS status, ${r.ref("seg")} AS seg, ${r.ref("val")} AS val, ${r.ref("y")} AS y FROM ${r.from} ORDER BY o`;
  return { sql, params: p.values };
}

/** Rows of {@link buildMembershipStatement}, columnar (one entry per row the filters keep). */
export interface Memberships {
  /** rows in the whole table (the dataset's size, released as metadata) */
  universe: number;
  ordinal: number[];
  status: number[];
  segment: (string | null)[];
  value: (string | null)[];
  y: number[];
}

/** Columnar memberships from the statement's rows. */
export function toMemberships(universe: number, rows: readonly Record<string, unknown>[]): Memberships {
  const out: Memberships = { universe, ordinal: [], status: [], segment: [], value: [], y: [] };
  for (const r of rows) {
    out.ordinal.push(Number(r.o));
    out.status.push(Number(r.status));
    out.segment.push(r.seg === null || r.seg === undefined ? null : String(r.seg));
    out.value.push(r.val === null || r.val === undefined ? null : String(r.val));
    out.y.push(Number(r.y ?? 0));
  }
  return out;
}
