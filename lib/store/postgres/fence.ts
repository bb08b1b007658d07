import { ident } from "../sql/params";

/**
 * PostgreSQL inlines the per-row CTE `r` of `buildCellSumsStatement` into the aggregates, so each
 * of the ten SUMs re-evaluates the weight and outcome expressions (regex + cast per reference):
 * 7x slower than evaluating them once. `OFFSET 0` is PostgreSQL's documented-in-practice
 * optimisation fence: the subquery is computed once per row and not pulled up (unlike
 * `AS MATERIALIZED`, nothing is spooled to a tuplestore). DuckDB de-duplicates the expressions
 * itself, so the shared builder stays dialect-neutral and the fence is added here.
 *
 * Returns the statement unchanged when its shape is not the expected one (still correct, only
 * slower); the PostgreSQL tests assert the fence is applied.
 */
export function fenceRowCte(sql: string, table: string): { sql: string; fenced: boolean } {
  // the CTE `r` reads the table (optionally with a WHERE) and ends right before `s`
  const anchor = "\n), s AS (";
  const at = sql.indexOf(anchor);
  if (at < 0 || sql.indexOf(anchor, at + 1) >= 0 || !sql.slice(0, at).includes(`FROM ${ident(table)}`)) return { sql, fenced: false };
  return { sql: `${sql.slice(0, at)} OFFSET 0${sql.slice(at)}`, fenced: true };
}
