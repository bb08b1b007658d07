/**
 * Test helper: the application's database (DuckDB, migrated) in a file of a fresh temporary
 * directory, for suites that exercise the app's tables without a whole store.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { openDuckDb } from "./connection";

export interface TempDuckDb {
  /** the temporary directory holding the file */
  dir: string;
  instance: DuckDBInstance;
  connection: DuckDBConnection;
  /** close the database and remove the directory */
  close(): void;
}

/** Open `<tmp>/surveyscope-<prefix>-…/test.duckdb`. */
export async function openTempDuckDb(prefix: string): Promise<TempDuckDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `surveyscope-${prefix}-`));
  const { instance, connection } = await openDuckDb(path.join(dir, "test.duckdb"));
  return {
    dir,
    instance,
    connection,
    close() {
      connection.closeSync();
      instance.closeSync();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
