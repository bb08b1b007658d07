import { afterAll, beforeAll, describe, vi } from "vitest";
import { openTestPostgres, type TestPostgres } from "@/lib/store/postgres/postgres.fixtures";
import { datasetOwnershipCases } from "./dataset-ownership.fixtures";

vi.mock("@/lib/schema/env", () => ({ getEnv: () => ({ DATA_DIR: "/tmp" }) }));

let pgStore: TestPostgres;

beforeAll(async () => {
  pgStore = await openTestPostgres();
});
afterAll(async () => {
  await pgStore.dispose();
});

describe("dataset ownership on PostgreSQL", () => {
  // the store's own pool: the owner rows live in the store's schema (one migration list, one pool)
  datasetOwnershipCases(() => ({ store: pgStore.store, sql: pgStore.store.app.sql, bulk: false }));
});
