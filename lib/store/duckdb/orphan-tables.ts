import type { DuckDBConnection } from "@duckdb/node-api";
import { ident } from "../sql/params";

/** the names `dataTableName` gives (`d_<id>_v<version>`) */
const DATA_TABLE = "d_[a-z0-9_]+_v[0-9]+";

/**
 * Drop the data tables no dataset version refers to. The bulk loader commits a data table on its
 * own and the dataset row follows in a second transaction; a process killed in between
 * leaves the table unregistered, invisible to every reader, and only this sweep (run when the
 * store opens, before any import) removes it. Returns the dropped names.
 *
 * @example await sweepOrphanTables(conn) // ["d_survey_v3"]
 */
export async function sweepOrphanTables(conn: DuckDBConnection): Promise<string[]> {
  const reader = await conn.runAndReadAll(
    `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary AND regexp_full_match(table_name, '${DATA_TABLE}')
       AND table_name NOT IN (SELECT data_table FROM datasets) ORDER BY 1`,
  );
  const names = reader.getRowsJS().map((r) => String(r[0]));
  for (const name of names) await conn.run(`DROP TABLE IF EXISTS ${ident(name)}`);
  return names;
}

/**
 * Drop `table` unless a dataset version refers to it (an import's own name, before it starts or
 * after it failed: only a bulk load that committed early can have left it). Never touches a
 * registered table, whatever the naming scheme.
 *
 * @example await dropIfUnregistered(conn, "d_survey_v3")
 */
export async function dropIfUnregistered(conn: DuckDBConnection, table: string): Promise<void> {
  const used = await conn.runAndReadAll(`SELECT count(*) FROM datasets WHERE data_table = $1`, [table]);
  if (Number(used.getRowsJS()[0][0]) === 0) await conn.run(`DROP TABLE IF EXISTS ${ident(table)}`);
}
