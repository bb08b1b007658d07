import type { DuckDBConnection } from "@duckdb/node-api";
import { ident } from "../sql/params";
import type { DerivedColumn } from "../types";

/**
 * The data table of a derived version: the source table's rows with the added columns
 * `c<first>…` after its own, in file order. The added values are staged through an appender in
 * a `<table>_add` table (dropped again); runs on the caller's transaction.
 */
export async function createDerivedTable(conn: DuckDBConnection, source: string, table: string, first: number, added: DerivedColumn[]): Promise<void> {
  const staged = `${table}_add`;
  const defs = added.map((_, i) => `${ident(`c${first + i}`)} VARCHAR`).join(", ");
  await conn.run(`CREATE TABLE ${ident(staged)} (rid BIGINT NOT NULL, ${defs})`);
  const ap = await conn.createAppender(staged);
  const rows = Math.max(0, ...added.map((a) => a.values.length));
  for (let r = 0; r < rows; r++) {
    ap.appendBigInt(BigInt(r));
    for (const a of added) {
      const v = a.values[r];
      if (v === null || v === undefined || v === "") ap.appendNull();
      else ap.appendVarchar(v);
    }
    ap.endRow();
  }
  ap.flushSync();
  ap.closeSync();
  const addedCols = added.map((_, i) => `a.${ident(`c${first + i}`)}`).join(", ");
  // the source's rowid is its file order (0..n-1, see duckdbDialect.rowOrder); ordered, so the copy's rowid is too
  await conn.run(`CREATE TABLE ${ident(table)} AS SELECT t.*, ${addedCols} FROM ${ident(source)} t LEFT JOIN ${ident(staged)} a ON a.rid = t.rowid ORDER BY t.rowid`);
  await conn.run(`DROP TABLE ${ident(staged)}`);
}
