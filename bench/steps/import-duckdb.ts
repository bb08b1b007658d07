/**
 * Step (peer): DuckDB `read_csv` of the same file into a table of a DuckDB file, same DuckDB
 * (the @duckdb/node-api the store uses) and the same 2 threads as the store. `all_varchar` by
 * default: the table the store builds is all VARCHAR too, and the raw-SQL query peer reads it;
 * `--typed 1` lets DuckDB sniff column types instead (informational).
 *
 * Usage: node --import tsx bench/steps/import-duckdb.ts --file F --db D [--typed 1]
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { args, emit, main, removeDb } from "./common";

main(async () => {
  const a = args(["file", "db", "typed"]);
  const db = a.db!;
  removeDb(db);
  const typed = a.typed === "1";
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(db, { threads: "2" });
  const conn = await instance.connect();
  const file = a.file!.replace(/'/g, "''");
  await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${file}', header = true, delim = ',', quote = '"', escape = '"'${typed ? "" : ", all_varchar = true"})`);
  const rows = Number((await conn.runAndReadAll("SELECT count(*) AS n FROM t")).getRowObjectsJS()[0].n);
  const version = String((await conn.runAndReadAll("SELECT version() AS v")).getRowObjectsJS()[0].v);
  conn.closeSync();
  instance.closeSync();
  const t1 = performance.now();
  emit({ seconds: (t1 - t0) / 1000, rows, duckdb_version: version, typed });
});
