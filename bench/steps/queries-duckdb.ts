/**
 * Step (peer): the same 50 crosstabs and 50 multi-select queries as raw DuckDB SQL on the
 * all-VARCHAR table `read_csv` built: `COUNT(*), SUM(weight) … GROUP BY segment, outcome` with the
 * same exclusions (filters, missing outcome, missing segment, weight not a positive number). Only
 * the sums: no statistics. Same DuckDB, 2 threads, a connection per query as the store does.
 *
 * Usage: node --import tsx bench/steps/queries-duckdb.ts --db D --digest OUT.json
 */
import fs from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { crosstabQueries, DELIM, multiQueries, NOT_SELECTED, SELECTED, type CellDigest, type CrosstabQuery } from "../schema";
import { args, emit, main, percentile } from "./common";

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function sqlOf(x: CrosstabQuery): string {
  const w = `TRY_CAST(weight AS DOUBLE)`;
  const where = [
    ...x.filters.map(([h, v]) => `${q(h)} IN (${v.map(lit).join(", ")})`),
    `${q(x.segment)} IS NOT NULL`,
    `${q(x.outcome)} IS NOT NULL`,
    `isfinite(${w}) AND ${w} > 0`,
  ].join(" AND ");
  const outcome = x.multi
    ? `CASE WHEN contains('${DELIM}' || ${q(x.outcome)} || '${DELIM}', ${lit(DELIM + x.outcomeCategory + DELIM)}) THEN ${lit(SELECTED)} ELSE ${lit(NOT_SELECTED)} END`
    : q(x.outcome);
  return `SELECT ${q(x.segment)} AS s, ${outcome} AS o, COUNT(*) AS n, SUM(${w}) AS sw FROM t WHERE ${where} GROUP BY 1, 2`;
}

main(async () => {
  const a = args(["db", "digest"]);
  const instance = await DuckDBInstance.create(a.db!, { threads: "2" });
  const xt = crosstabQueries().map(sqlOf);
  const ms = multiQueries().map(sqlOf);
  const run = async (sql: string) => {
    const conn = await instance.connect();
    try {
      return (await conn.runAndReadAll(sql)).getRowObjectsJS();
    } finally {
      conn.closeSync();
    }
  };
  for (const sql of [...xt, ...ms]) await run(sql); // warm-up
  const time = async (sqls: string[]) => {
    const out: number[] = [];
    const cells: CellDigest[] = [];
    for (const sql of sqls) {
      const t0 = performance.now();
      const rows = await run(sql);
      out.push(performance.now() - t0);
      const d: CellDigest = {};
      for (const r of rows) d[`${r.s}\u0001${r.o}`] = [Number(r.n), Number(r.sw)];
      cells.push(d);
    }
    return { ms: out, cells };
  };
  const c = await time(xt);
  const m = await time(ms);
  instance.closeSync();
  fs.writeFileSync(a.digest!, JSON.stringify({ crosstab: c.cells, multiselect: m.cells, sql: { crosstab: xt[0], multiselect: ms[0] } }));
  emit({
    crosstab: { p50_ms: percentile(c.ms, 50), p95_ms: percentile(c.ms, 95), all_ms: c.ms },
    multiselect: { p50_ms: percentile(m.ms, 50), p95_ms: percentile(m.ms, 95), all_ms: m.ms },
  });
});
