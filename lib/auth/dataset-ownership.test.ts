import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, vi } from "vitest";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { datasetOwnershipCases } from "./dataset-ownership.fixtures";

let dir: string;
let store: DuckDbStore;

vi.mock("@/lib/schema/env", () => ({ getEnv: () => ({ DATA_DIR: os.tmpdir() }) }));

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "surveyscope-owners-"));
  store = await DuckDbStore.open(path.join(dir, "test.duckdb"));
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("dataset ownership on DuckDB", () => {
  // the store's own application database: the owner rows live beside the datasets (one connection)
  datasetOwnershipCases(() => ({ store, sql: store.app.sql, bulk: true }));
});
