import type { CrosstabPlan, FilterPlan, MultiLayout, ValueSource } from "@/lib/analysis/plan";
import { CHOSEN, NOT_CHOSEN } from "@/lib/analysis/plan";
import type { SqlDialect } from "./dialect";
import { ident, Params } from "./params";

/** Row status codes, in the order rows are excluded (golden README "Data rules"). */
export const STATUS = { filtered: 0, missingOutcome: 1, missingSegment: 2, invalidWeight: 3, analytic: 4, total: 5 } as const;

export interface Statement {
  sql: string;
  params: (string | number)[];
}

function col(name: string): string {
  return ident(name);
}

/** The typed shadow of a text column: DOUBLE, filled at import with `finiteNumber(column)`. */
export function typedColumnName(column: string): string {
  return `${column}__d`;
}

/** `column` as a finite double: its typed shadow when the table has one (no per-row cast), else parsed */
function numberOf(column: string, d: SqlDialect, typed: ReadonlySet<string>): string {
  return typed.has(column) ? col(typedColumnName(column)) : d.finiteNumber(col(column));
}

function isMissing(column: string, codes: string[], p: Params): string {
  const c = col(column);
  return codes.length ? `(${c} IS NULL OR ${c} IN ${p.list(codes)})` : `(${c} IS NULL)`;
}

function chosen(layout: MultiLayout, option: string, d: SqlDialect, p: Params): string {
  if (layout.layout === "delimited") {
    return `COALESCE(${d.hasToken(col(layout.column), p.add(layout.delimiter), p.add(option))}, FALSE)`;
  }
  const c = col(layout.optionColumn);
  const unchecked = layout.uncheckedCodes.length ? ` AND ${c} NOT IN ${p.list(layout.uncheckedCodes)}` : "";
  return `(${c} IS NOT NULL${unchecked})`;
}

function answered(layout: MultiLayout, missingCodes: string[], p: Params): string {
  const cols = layout.layout === "delimited" ? [layout.column] : layout.allColumns;
  return `(${cols.map((c) => `NOT ${isMissing(c, missingCodes, p)}`).join(" OR ")})`;
}

function filterExpr(f: FilterPlan, d: SqlDialect, p: Params): string {
  if (f.kind === "values") return `COALESCE(${col(f.column)} IN ${p.list(f.values)}, FALSE)`;
  return `(${f.choices.map((c) => chosen(c.layout, c.option, d, p)).join(" OR ")})`;
}

/** outcome → [missing?, value text, y] expressions */
function outcomeExprs(o: ValueSource, plan: CrosstabPlan, d: SqlDialect, p: Params, typed: ReadonlySet<string>): { missing: string; value: string; y: string } {
  if (o.kind === "multi-option") {
    const isChosen = `(${o.choices.map((c) => chosen(c.layout, c.option, d, p)).join(" OR ")})`;
    return {
      missing: `NOT ${answered(o.answered, o.missingCodes, p)}`,
      value: `(CASE WHEN ${isChosen} THEN ${p.add(CHOSEN)} ELSE ${p.add(NOT_CHOSEN)} END)`,
      y: `(CASE WHEN ${isChosen} THEN 1.0 ELSE 0.0 END)`,
    };
  }
  if (plan.statistic === "mean") {
    const num = numberOf(o.column, d, typed);
    const codes = o.missingCodes.length ? ` OR ${col(o.column)} IN ${p.list(o.missingCodes)}` : "";
    return { missing: `(${num} IS NULL${codes})`, value: "CAST(NULL AS VARCHAR)", y: num };
  }
  return {
    missing: isMissing(o.column, o.missingCodes, p),
    value: col(o.column),
    y: `(CASE WHEN ${col(o.column)} IN ${p.list(plan.outcomeCategories)} THEN 1.0 ELSE 0.0 END)`,
  };
}

/**
 * One GROUP BY that yields the exclusion status of every row kept by the filters and, for
 * analytic rows, the per-cell sufficient statistics (n, Σw, Σw², Σy, Σy², Σwy, Σwy², Σw²y,
 * Σw²y²) by (segment, outcome). The filters are a WHERE clause, so the outcome, segment and
 * weight expressions run only on the rows they keep (like a plain `WHERE … GROUP BY`); with
 * filters, one more row (status `total`) carries the table's row count, from which
 * `toCrosstabInput` derives the filtered-out rows.
 * `typed`: columns of `table` that have a typed shadow (`typedColumnName`), read instead of
 * parsing the text on every row.
 */
export function buildCellSumsStatement(
  table: string,
  plan: CrosstabPlan,
  segmentLevels: string[],
  d: SqlDialect,
  typed: ReadonlySet<string> = new Set(),
): Statement {
  const p = new Params();
  const filters = plan.filters.map((f) => `(${filterExpr(f, d, p)})`).join(" AND ");
  const out = outcomeExprs(plan.outcome, plan, d, p, typed);
  const segCol = col(plan.segment.column);
  const segOk = `(${segCol} IN ${p.list(segmentLevels)} AND NOT ${isMissing(plan.segment.column, plan.segment.missingCodes, p)})`;
  const wn = plan.weight ? numberOf(plan.weight.column, d, typed) : "";
  const w = plan.weight ? `(CASE WHEN ${wn} > 0 THEN ${wn} END)` : "1.0";
  const dropSeg = plan.missingSegment === "drop";
  const zeros = ["sw", "sw2", "sy", "sy2", "swy", "swy2", "sw2y", "sw2y2"].map((c) => `${d.double("0")} AS ${c}`).join(", ");
  // the cell-key method: each row's record key, and per cell the sums of keys (of all rows, of y = 1 rows)
  const keyed = plan.cellKey !== undefined;
  const rk = keyed ? `,
    ${d.recordKey(p.add(plan.cellKey!.secret))} AS rk` : "";
  const keySums = keyed ? `,
  ${d.double("COALESCE(SUM(rk), 0)")} AS ck, ${d.double("COALESCE(SUM(rk * y), 0)")} AS cky` : "";
  const total = filters
    ? `
UNION ALL
SELECT ${STATUS.total} AS status, NULL AS segment, NULL AS outcome, ${d.double(`(SELECT COUNT(*) FROM ${ident(table)})`)} AS n, ${zeros}${keyed ? `, ${d.double("0")} AS ck, ${d.double("0")} AS cky` : ""}`
    : "";
  const sql = `
WITH r AS (
  SELECT
    ${out.missing} AS om,
    CASE WHEN ${segOk} THEN ${segCol} END AS seg,
    ${out.value} AS val,
    ${d.double(out.y)} AS y,
    ${d.double(w)} AS w${rk}
  FROM ${ident(table)}${filters ? `
  WHERE ${filters}` : ""}
), s AS (
  SELECT
    CASE WHEN om THEN ${STATUS.missingOutcome}
         ${dropSeg ? `WHEN seg IS NULL THEN ${STATUS.missingSegment}` : ""}
         WHEN w IS NULL THEN ${STATUS.invalidWeight}
         ELSE ${STATUS.analytic} END AS status,
    seg, val, y, w${keyed ? ", rk" : ""}
  FROM r
)
SELECT
  status,
  CASE WHEN status = ${STATUS.analytic} THEN seg END AS segment,
  CASE WHEN status = ${STATUS.analytic} THEN val END AS outcome,
  ${d.double("COUNT(*)")} AS n,
  COALESCE(SUM(w), 0) AS sw, COALESCE(SUM(w * w), 0) AS sw2,
  COALESCE(SUM(y), 0) AS sy, COALESCE(SUM(y * y), 0) AS sy2,
  COALESCE(SUM(w * y), 0) AS swy, COALESCE(SUM(w * y * y), 0) AS swy2,
  COALESCE(SUM(w * w * y), 0) AS sw2y, COALESCE(SUM(w * w * y * y), 0) AS sw2y2${keySums}
FROM s
GROUP BY 1, 2, 3${total}`;
  return { sql, params: p.values };
}

/** Respondent rows (file order) of some columns, restricted by filters, capped at `limit`. */
export function buildReadRowsStatement(table: string, columns: string[], filters: FilterPlan[], limit: number, d: SqlDialect): Statement {
  const p = new Params();
  const where = filters.length ? `WHERE ${filters.map((f) => `(${filterExpr(f, d, p)})`).join(" AND ")}` : "";
  const cols = columns.length ? columns.map(ident).join(", ") : d.rowOrder;
  return { sql: `SELECT ${cols} FROM ${ident(table)} ${where} ORDER BY ${d.rowOrder} LIMIT ${Math.max(0, Math.floor(limit))}`, params: p.values };
}

/** Distinct non-missing values of a column (for default segment levels). */
export function buildDistinctStatement(table: string, column: string, missingCodes: string[]): Statement {
  const p = new Params();
  const c = col(column);
  const sql = `SELECT DISTINCT ${c} AS v FROM ${ident(table)} WHERE NOT ${isMissing(column, missingCodes, p)}`;
  return { sql, params: p.values };
}
