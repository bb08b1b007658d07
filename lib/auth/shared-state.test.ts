import { afterAll, beforeAll, describe } from "vitest";
import { openTempDuckDb, type TempDuckDb } from "@/lib/store/duckdb/temp-db.fixtures";
import { sharedStateCases } from "./shared-state.fixtures";
import { duckdbRunner } from "@/lib/store/runner/sql-runner";

let db: TempDuckDb;

beforeAll(async () => {
  db = await openTempDuckDb("shared");
});
afterAll(() => db.close());

// DuckDB has one process per file: two runners stand for two request paths of that process
describe("shared limiter, budget and release history on DuckDB", () => {
  sharedStateCases(() => ({ a: duckdbRunner(db.instance), b: duckdbRunner(db.instance) }));
});
