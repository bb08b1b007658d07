import "server-only";
import path from "node:path";
import { getEnv } from "@/lib/schema/env";
import { DuckDbStore } from "./duckdb/duckdb-store";
import { PostgresStore } from "./postgres/postgres-store";
import type { SurveyStore } from "./types";

export type { SurveyStore, NewDatasetMeta } from "./types";
export { DuckDbStore } from "./duckdb/duckdb-store";
export { PostgresStore } from "./postgres/postgres-store";

const globalStore = globalThis as unknown as { __surveyscopeStore?: Promise<SurveyStore> };

/**
 * The process-wide store: PostgreSQL when DATABASE_URL is set (multi-instance mode: every
 * `next start` behind the load balancer points at the same database), otherwise embedded DuckDB
 * under DATA_DIR (one instance). A failed open is not cached, so the next request retries.
 */
export function getStore(): Promise<SurveyStore> {
  if (!globalStore.__surveyscopeStore) {
    const env = getEnv();
    const opening: Promise<SurveyStore> = env.DATABASE_URL
      ? PostgresStore.open(env.DATABASE_URL)
      : DuckDbStore.open(path.join(env.DATA_DIR, "surveyscope.duckdb"));
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
