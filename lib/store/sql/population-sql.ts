import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { SqlDialect } from "./dialect";
import { buildCellSumsStatement, type Statement } from "./crosstab-sql";

/**
 * Who a crosstab counts, row by row (the disclosure audit's populations, aggregate-only audiences
 * only): for every row the filters keep, its ordinal in file order (`o`, `dialect.rowOrder`),
 * its exclusion status (`STATUS`), its segment level (null when missing or not a level), its
 * outcome value text and y (1 when in the outcome categories / chosen). Same expressions as
 * `buildCellSumsStatement`, so the populations are exactly the rows its sums run over.
 */
export function buildMembershipStatement(table: string, plan: CrosstabPlan, segmentLevels: string[], d: SqlDialect, typed: ReadonlySet<string> = new Set()): Statement {
  const sums = buildCellSumsStatement(table, plan, segmentLevels, d, typed);
  // reuse the CTEs of the cell-sums statement with the row ordinal carried through
  const withOrdinal = sums.sql
    .replace("WITH r AS (\n  SELECT\n", `WITH r AS (\n  SELECT\n    ${d.rowOrder} AS o,\n`)
    .replace("    seg, val, y, w\n  FROM r\n)", "    o, seg, val, y, w\n  FROM r\n)");
  const cut = withOrdinal.indexOf("\nSELECT\n  status,");
  if (cut < 0 || !withOrdinal.includes(" AS o,\n") || !withOrdinal.includes("o, seg, val, y, w")) throw new Error("membership statement: cell-sums shape changed");
  return { sql: `${withOrdinal.slice(0, cut)}\nSELECT o, status, seg, val, y FROM s ORDER BY o`, params: sums.params };
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
