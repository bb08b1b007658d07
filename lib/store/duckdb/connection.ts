import fs from "node:fs";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { AUTH_MIGRATIONS } from "@/lib/auth/migrations";

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
  // identity: better-auth tables, workspaces, memberships, API tokens, dataset sharing
  ...AUTH_MIGRATIONS,
];

/** Open (creating if needed) the embedded store file and run migrations. */
export async function openDuckDb(file: string): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const instance = await DuckDBInstance.create(file, { threads: "2" });
  const connection = await instance.connect();
  for (const m of MIGRATIONS) await connection.run(m);
  return { instance, connection };
}
