import type pg from "pg";
import { afterAll, beforeAll, describe, vi } from "vitest";
import { openTestPostgres, TEST_DATABASE_URL, type TestPostgres } from "@/lib/store/postgres/test-support";
import { datasetOwnershipCases } from "./dataset-ownership-cases";
import { openIdentityPool, pgRunner } from "./pg";

vi.mock("@/lib/schema/env", () => ({ getEnv: () => ({ DATA_DIR: "/tmp" }) }));

let pgStore: TestPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  pgStore = await openTestPostgres();
  pool = await openIdentityPool(TEST_DATABASE_URL, pgStore.schema);
});
afterAll(async () => {
  await pool.end();
  await pgStore.dispose();
});

describe("dataset ownership on PostgreSQL", () => {
  datasetOwnershipCases(() => ({ store: pgStore.store, sql: pgRunner(pool), bulk: false }));
});
