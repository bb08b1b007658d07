/**
 * The public face of lib/store, the only module that knows SQL. Domain modules (lib/auth,
 * lib/audit, lib/views, lib/services, …) import from here, never from a file inside lib/store
 * (enforced by test/architecture/layering.test.ts): the store, the SQL runner type the
 * repositories take, and the repositories of the application's tables.
 */
import "server-only";
import path from "node:path";
import { getEnv } from "@/lib/schema/env";
import { DuckDbStore } from "./duckdb/duckdb-store";
import { PostgresStore } from "./postgres/postgres-store";
import type { SurveyStore } from "./types";

export type { SurveyStore, NewDatasetMeta, DerivedColumn } from "./types";
export type { Memberships } from "./sql/population-sql";
export type { AppDatabase, BetterAuthDatabase } from "./app-database";
export type { SqlParam, SqlRow, SqlRunner } from "./runner/sql-runner";
export { DuckDbStore } from "./duckdb/duckdb-store";
export { PostgresStore } from "./postgres/postgres-store";
export { withSharedOutcomeSums } from "./shared/shared-outcome-sums";
export { writeParquet } from "./duckdb/parquet-file";
export type { ParquetInput } from "./duckdb/parquet-file";

// repositories of the application's tables: each takes the store's `app.sql` first
export * from "./repos/agents";
export * from "./repos/audit";
export * from "./repos/budgets";
export * from "./repos/cell-key";
export * from "./repos/column-status";
export * from "./repos/dashboards";
export * from "./repos/governance";
export * from "./repos/invitations";
export * from "./repos/login-limits";
export * from "./repos/owners";
export * from "./repos/rate-limits";
export * from "./repos/releases";
export * from "./repos/tokens";
export * from "./repos/users";
export * from "./repos/views";
export * from "./repos/workspaces";
export * from "./repos/workspace-deletion";
export * from "./repos/account-links";
export * from "./repos/user-status";

const globalStore = globalThis as unknown as { __surveyscopeStore?: Promise<SurveyStore> };

/**
 * The store DATABASE_URL / DATA_DIR configure, freshly opened (the CLI's; the server shares one
 * through `getStore`): PostgreSQL when DATABASE_URL is set, else the DuckDB file under DATA_DIR.
 * @example const store = await openConfiguredStore(); try { … } finally { await store.close(); }
 */
export function openConfiguredStore(): Promise<SurveyStore> {
  const env = getEnv();
  return env.DATABASE_URL ? PostgresStore.open(env.DATABASE_URL) : DuckDbStore.open(configuredDuckDbFile());
}

/** Where the embedded store lives: DATA_DIR/surveyscope.duckdb. */
export function configuredDuckDbFile(): string {
  return path.join(getEnv().DATA_DIR, "surveyscope.duckdb");
}

/**
 * The process-wide store: PostgreSQL when DATABASE_URL is set (multi-instance mode: every
 * `next start` behind the load balancer points at the same database), otherwise embedded DuckDB
 * under DATA_DIR (one instance). A failed open is not cached, so the next request retries. Kept
 * on globalThis: Next bundles route handlers and server components separately, and both must
 * share one DuckDB instance / one pool.
 */
export function getStore(): Promise<SurveyStore> {
  if (!globalStore.__surveyscopeStore) {
    const opening = openConfiguredStore();
    globalStore.__surveyscopeStore = opening;
    opening.catch(() => {
      if (globalStore.__surveyscopeStore === opening) globalStore.__surveyscopeStore = undefined;
    });
  }
  return globalStore.__surveyscopeStore;
}

/** An in-memory store (CLI on plain files, tests). */
export function openMemoryStore(): Promise<SurveyStore> {
  return DuckDbStore.open(":memory:");
}
