import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, vi } from "vitest";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { datasetOwnershipCases } from "./dataset-ownership-cases";
import { duckdbRunner, type SqlRunner } from "./sql";

let dir: string;
let store: DuckDbStore;
let sql: SqlRunner;

vi.mock("@/lib/schema/env", () => ({ getEnv: () => ({ DATA_DIR: os.tmpdir() }) }));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "surveyscope-owners-"));
  store = await DuckDbStore.open(path.join(dir, "test.duckdb"));
  sql = duckdbRunner(store.duckdbInstance);
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("dataset ownership on DuckDB", () => {
  datasetOwnershipCases(() => ({ store, sql, bulk: true }));
});
