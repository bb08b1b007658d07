import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { openDuckDb } from "@/lib/store/duckdb/connection";
import { sharedStateCases } from "./shared-state.fixtures";
import { duckdbRunner } from "@/lib/store/runner/sql-runner";

let dir: string;
let db: Awaited<ReturnType<typeof openDuckDb>>;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "surveyscope-shared-"));
  db = await openDuckDb(path.join(dir, "test.duckdb"));
});
afterAll(() => {
  db.connection.closeSync();
  db.instance.closeSync();
  fs.rmSync(dir, { recursive: true, force: true });
});

// DuckDB has one process per file: two runners stand for two request paths of that process
describe("shared limiter, budget and release history on DuckDB", () => {
  sharedStateCases(() => ({ a: duckdbRunner(db.instance), b: duckdbRunner(db.instance) }));
});
