/**
 * The store backends every contract suite runs against: embedded DuckDB (in memory) and
 * PostgreSQL (a fresh random schema per store, dropped on dispose).
 */
import { afterEach, beforeEach } from "vitest";
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

/**
 * A fresh store of `backend` for every test of the calling suite (opened in beforeEach, handed
 * to `onOpen`, disposed in afterEach).
 * @example let store: SurveyStore; storePerTest(backend, (s) => (store = s));
 */
export function storePerTest(backend: Backend, onOpen: (store: SurveyStore) => void): void {
  let opened: OpenedStore | undefined;
  beforeEach(async () => {
    opened = await backend.open();
    onOpen(opened.store);
  });
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });
}
