import type { DuckDBInstance } from "@duckdb/node-api";
import type { BetterAuthOptions } from "better-auth";
import type pg from "pg";
import { duckdbAdapter } from "./auth-adapter/duckdb-adapter";
import { pgRunner } from "./runner/pg-runner";
import { duckdbRunner, type SqlRunner } from "./runner/sql-runner";

/** What better-auth is given as its `database` option. */
export type BetterAuthDatabase = NonNullable<BetterAuthOptions["database"]>;

/**
 * The application's tables (accounts, workspaces, audit, shared state, views, …) over the store's
 * own connection: the same DuckDB instance, or the same PostgreSQL pool, as the datasets. Only
 * `lib/store/repos` sends SQL through `sql`; better-auth reaches its tables through `auth`.
 */
export interface AppDatabase {
  /** the runner the repositories take as their first argument */
  readonly sql: SqlRunner;
  /** better-auth's database: our DuckDB adapter, or the pool itself (better-auth's Kysely) */
  readonly auth: BetterAuthDatabase;
}

/**
 * @example createIdentity({ db: duckdbAppDatabase(instance), secret, baseURL })
 */
export function duckdbAppDatabase(instance: DuckDBInstance): AppDatabase {
  const sql = duckdbRunner(instance);
  return { sql, auth: duckdbAdapter(sql) };
}

/**
 * @example createIdentity({ db: pgAppDatabase(pool), secret, baseURL })
 */
export function pgAppDatabase(pool: pg.Pool): AppDatabase {
  return { sql: pgRunner(pool), auth: pool };
}
