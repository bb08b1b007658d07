import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { APP_MIGRATIONS } from "../migrations/app-tables";

/** The DuckDB store's one migration list: its `datasets` table, then the application's tables. */
const MIGRATIONS = [
  `CREATE TABLE IF NOT EXISTS datasets (
     id VARCHAR NOT NULL,
     version INTEGER NOT NULL,
     data_table VARCHAR NOT NULL,
     name VARCHAR NOT NULL,
     meta JSON NOT NULL,
     created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
     deleted BOOLEAN NOT NULL DEFAULT FALSE,
     PRIMARY KEY (id, version)
   )`,
  // accounts, workspaces, tokens, sharing, owners, audit, shared state, views, dashboards
  ...APP_MIGRATIONS,
];

/**
 * Open (creating if needed) the embedded store file and run migrations. Spill files a killed
 * process left in DuckDB's temp directory (`<file>.tmp`, e.g. part of a bulk import's staged rows)
 * are removed first: DuckDB only clears them on a clean close (C44). This process holds the file's
 * lock by then and has not spilled anything yet.
 */
export async function openDuckDb(file: string): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const instance = await DuckDBInstance.create(file, { threads: "2" });
  if (file !== ":memory:") removeSpillFiles(`${file}.tmp`);
  const connection = await instance.connect();
  for (const m of MIGRATIONS) await connection.run(m);
  return { instance, connection };
}

/** DuckDB's own temp files (`duckdb_temp_storage_*.tmp`, `duckdb_temp_block-*.block`) in `dir` */
function removeSpillFiles(dir: string): void {
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (/^duckdb_temp_/.test(name)) fs.rmSync(path.join(dir, name), { force: true });
  }
}
