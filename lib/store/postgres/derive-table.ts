import type pg from "pg";
import { AppError } from "@/lib/schema/errors";
import { ident } from "../sql/params";
import type { DerivedColumn } from "../types";
import { PG_MAX_DATA_COLUMNS } from "./sink";

/**
 * The data table of a derived version: the source table's rows with the added columns
 * `c<first>…` after its own, in row order (`rid`). Runs on the caller's transaction.
 */
export async function createDerivedTable(client: pg.PoolClient, source: string, table: string, first: number, added: DerivedColumn[]): Promise<void> {
  if (first + added.length > PG_MAX_DATA_COLUMNS) {
    throw new AppError("bad_request", `a version may hold at most ${PG_MAX_DATA_COLUMNS} columns in the PostgreSQL store`);
  }
  const names = added.map((_, i) => ident(`c${first + i}`));
  // the added values, keyed by rid (= row order), staged in a temporary table dropped at commit
  const staged = ident(`${table}_add`);
  await client.query(`CREATE TEMP TABLE ${staged} (rid BIGINT NOT NULL${names.map((n) => `, ${n} TEXT`).join("")}) ON COMMIT DROP`);
  const rows = Math.max(0, ...added.map((a) => a.values.length));
  const insert = `INSERT INTO ${staged} SELECT * FROM unnest($1::bigint[]${names.map((_, i) => `, $${i + 2}::text[]`).join("")})`;
  const batch = 20_000;
  for (let start = 0; start < rows; start += batch) {
    const end = Math.min(rows, start + batch);
    const rids = Array.from({ length: end - start }, (_, i) => start + i);
    const cols = added.map((a) => rids.map((r) => (a.values[r] === undefined || a.values[r] === "" ? null : a.values[r])));
    await client.query(insert, [rids, ...cols]);
  }
  const addedCols = names.map((n) => `a.${n}`).join(", ");
  await client.query(
    `CREATE TABLE ${ident(table)} AS SELECT t.*${addedCols ? ", " + addedCols : ""} FROM ${ident(source)} t LEFT JOIN ${staged} a USING (rid) ORDER BY t.rid`,
  );
}
