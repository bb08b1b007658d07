import "server-only";
import path from "node:path";
import { getEnv } from "@/lib/schema/env";
import { DuckDbStore } from "./duckdb/duckdb-store";
import type { SurveyStore } from "./types";

export type { SurveyStore, NewDatasetMeta } from "./types";
export { DuckDbStore } from "./duckdb/duckdb-store";

const globalStore = globalThis as unknown as { __surveyscopeStore?: Promise<SurveyStore> };

/** The process-wide store (embedded DuckDB under DATA_DIR). */
export function getStore(): Promise<SurveyStore> {
  if (!globalStore.__surveyscopeStore) {
    const env = getEnv();
    globalStore.__surveyscopeStore = DuckDbStore.open(path.join(env.DATA_DIR, "surveyscope.duckdb"));
  }
  return globalStore.__surveyscopeStore;
}

/** An in-memory store (CLI on plain files, tests). */
export function openMemoryStore(): Promise<SurveyStore> {
  return DuckDbStore.open(":memory:");
}
