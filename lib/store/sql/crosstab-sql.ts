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

/** a memoised thunk: an expression whose parameters are added the first time it is written */
function once(f: () => string): () => string {
  let v: string | undefined;
  return () => (v ??= f());
}

/** outcome → [missing?, value text (the cell's outcome key), y] expressions */
function outcomeExprs(o: ValueSource, plan: CrosstabPlan, d: SqlDialect, p: Params, typed: ReadonlySet<string>): { missing: string; value: string; y: () => string } {
  if (o.kind === "multi-option") {
    const isChosen = `(${o.choices.map((c) => chosen(c.layout, c.option, d, p)).join(" OR ")})`;
    return {
      missing: `NOT ${answered(o.answered, o.missingCodes, p)}`,
      value: `(CASE WHEN ${isChosen} THEN ${p.add(CHOSEN)} ELSE ${p.add(NOT_CHOSEN)} END)`,
      y: () => `(CASE WHEN ${isChosen} THEN 1.0 ELSE 0.0 END)`,
    };
  }
  if (plan.statistic === "mean") {
    const num = numberOf(o.column, d, typed);
    const codes = o.missingCodes.length ? ` OR ${col(o.column)} IN ${p.list(o.missingCodes)}` : "";
    return { missing: `(${num} IS NULL${codes})`, value: "CAST(NULL AS VARCHAR)", y: () => num };
  }
  return {
    missing: isMissing(o.column, o.missingCodes, p),
    value: col(o.column),
    // lazy: its parameters are added only if the statement uses y (an unused one is an error)
    y: once(() => `(CASE WHEN ${col(o.column)} IN ${p.list(plan.outcomeCategories)} THEN 1.0 ELSE 0.0 END)`),
  };
}

/**
 * Every row's part in a crosstab, as SQL over the rows the filters keep: its exclusion status
 * (`STATUS`, in the golden README's order), its segment level (null when missing or not a level;
 * with the plan's default levels — every non-missing value — no level list is needed), its
 * outcome key, y, its weight (null when not a positive finite number) and, for the cell-key
 * method, its record key. One source for the sums and the memberships, so both count the same rows.
 *
 * `fenced` (PostgreSQL): the expressions are computed once per row in a subquery `r` behind
 * `OFFSET 0`, PostgreSQL's optimisation fence (inlined, each SUM would re-evaluate the weight and
 * outcome parsing: 7x slower). Otherwise (DuckDB, which de-duplicates expressions itself) they
 * are written inline in one `SELECT … WHERE … GROUP BY`, as fast as a plain GROUP BY.
 */
export function rowParts(table: string, plan: CrosstabPlan, segmentLevels: string[] | undefined, d: SqlDialect, typed: ReadonlySet<string>, p: Params) {
  const filters = plan.filters.map((f) => `(${filterExpr(f, d, p)})`).join(" AND ");
  const out = outcomeExprs(plan.outcome, plan, d, p, typed);
  const segCol = col(plan.segment.column);
  const notMissing = `NOT ${isMissing(plan.segment.column, plan.segment.missingCodes, p)}`;
  const segOk = segmentLevels ? `(COALESCE(${segCol} IN ${p.list(segmentLevels)}, FALSE) AND ${notMissing})` : `(${notMissing})`;
  const wn = plan.weight ? numberOf(plan.weight.column, d, typed) : "";
  const key = plan.cellKey?.secret;
  const exprs: Record<string, () => string> = {
    om: () => out.missing,
    seg: () => `(CASE WHEN ${segOk} THEN ${segCol} END)`,
    val: () => out.value,
    y: once(() => d.double(out.y())),
    w: () => d.double(plan.weight ? `(CASE WHEN ${wn} > 0 THEN ${wn} END)` : "1.0"),
    ...(key !== undefined ? { rk: once(() => d.recordKey(p.add(key))) } : {}),
  };
  const where = filters ? ` WHERE ${filters}` : "";
  const fenced = d.fenceRows;
  const ref = (name: keyof typeof exprs) => (fenced ? name : `(${exprs[name]()})`);
  const status = `CASE WHEN ${ref("om")} THEN ${STATUS.missingOutcome}${plan.missingSegment === "drop" ? ` WHEN ${fenced ? "seg IS NULL" : `NOT ${segOk}`} THEN ${STATUS.missingSegment}` : ""} WHEN ${ref("w")} IS NULL THEN ${STATUS.invalidWeight} ELSE ${STATUS.analytic} END`;
  const from = fenced
    ? `(SELECT ${d.rowOrder} AS o, ${Object.entries(exprs).map(([k, v]) => `${v()} AS ${k}`).join(", ")} FROM ${ident(table)}${where} OFFSET 0) r`
    : `${ident(table)}${where}`;
  // the cells' segment key: with "drop", only rows whose segment is a level are analytic, so the
  // column itself serves (the other statuses' keys are not read) and no CASE runs per row
  const segKey = plan.missingSegment === "drop" && !fenced ? segCol : ref("seg");
  return { ref, status, segKey, from, order: fenced ? "o" : d.rowOrder, filtered: filters !== "" };
}

/**
 * One GROUP BY that yields the exclusion status of every row kept by the filters and, for
 * analytic rows, the per-cell sums by (segment, outcome): n, Σw, Σw² and, for means, Σy, Σy²,
 * Σwy, Σwy², Σw²y, Σw²y² (for a share, y is fixed by the cell's outcome, and `toCrosstabInput`
 * derives the y sums from n, Σw, Σw²). With filters, one more row (status `total`) carries the
 * table's row count, from which `toCrosstabInput` derives the filtered-out rows.
 * `segmentLevels`: the plan's own levels, or undefined for the default (every non-missing value).
 * `typed`: columns of `table` that have a typed shadow (`typedColumnName`), read instead of
 * parsing the text on every row.
 */
export function buildCellSumsStatement(
  table: string,
  plan: CrosstabPlan,
  segmentLevels: string[] | undefined,
  d: SqlDialect,
  typed: ReadonlySet<string> = new Set(),
): Statement {
  const p = new Params();
  const r = rowParts(table, plan, segmentLevels, d, typed, p);
  const w = r.ref("w");
  const sums = [`COALESCE(SUM(${w}), 0) AS sw`, `COALESCE(SUM(${w} * ${w}), 0) AS sw2`];
  const mean = plan.statistic === "mean";
  if (mean) {
    const y = r.ref("y");
    sums.push(
      `COALESCE(SUM(${y}), 0) AS sy`,
      `COALESCE(SUM(${y} * ${y}), 0) AS sy2`,
      `COALESCE(SUM(${w} * ${y}), 0) AS swy`,
      `COALESCE(SUM(${w} * ${y} * ${y}), 0) AS swy2`,
      `COALESCE(SUM(${w} * ${w} * ${y}), 0) AS sw2y`,
      `COALESCE(SUM(${w} * ${w} * ${y} * ${y}), 0) AS sw2y2`,
    );
  }
  // the cell-key method: per cell the sums of record keys (of all rows, and of y = 1 rows for means)
  if (plan.cellKey) sums.push(d.double(`COALESCE(SUM(${r.ref("rk")}), 0)`) + " AS ck", ...(mean ? [d.double(`COALESCE(SUM(${r.ref("rk")} * ${r.ref("y")}), 0)`) + " AS cky"] : []));
  const zeros = sums.map((s) => `${d.double("0")} AS ${s.slice(s.lastIndexOf(" AS ") + 4)}`).join(", ");
  const total = r.filtered
    ? `
UNION ALL
SELECT ${STATUS.total} AS status, NULL AS segment, NULL AS outcome, ${d.double(`(SELECT COUNT(*) FROM ${ident(table)})`)} AS n, ${zeros}`
    : "";
  const sql = `
SELECT
  ${r.status} AS status,
  ${r.segKey} AS segment,
  ${r.ref("val")} AS outcome,
  ${d.double("COUNT(*)")} AS n,
  ${sums.join(", ")}
FROM ${r.from}
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
