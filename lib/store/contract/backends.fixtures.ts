/**
 * The store backends every contract suite runs against: embedded DuckDB (in memory) and
 * PostgreSQL (a fresh random schema per store, dropped on dispose).
 */
import { DuckDbStore } from "../duckdb/duckdb-store";
import { openTestPostgres } from "../postgres/postgres.fixtures";
import type { SurveyStore } from "../types";

export interface OpenedStore {
  store: SurveyStore;
  dispose(): Promise<void>;
}

export interface Backend {
  name: SurveyStore["kind"];
  open(): Promise<OpenedStore>;
}

export const BACKENDS: Backend[] = [
  {
    name: "duckdb",
    async open() {
      const store = await DuckDbStore.open(":memory:");
      return { store, dispose: () => store.close() };
    },
  },
  {
    name: "postgres",
    async open() {
      const t = await openTestPostgres();
      return { store: t.store, dispose: t.dispose };
    },
  },
];
