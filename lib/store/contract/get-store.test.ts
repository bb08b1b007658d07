/** getStore() picks the backend from the environment: PostgreSQL when DATABASE_URL is set. */
import { afterEach, expect, test, vi } from "vitest";
import { dropSchema, randomSchemaName, TEST_DATABASE_URL } from "../postgres/postgres.fixtures";

const global = globalThis as unknown as { __surveyscopeStore?: Promise<{ kind: string; close(): Promise<void> }> };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

test("with DATABASE_URL set, the process-wide store is the PostgreSQL one", async () => {
  const schema = randomSchemaName();
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("schema", schema);
  vi.stubEnv("DATABASE_URL", url.toString());
  const previous = global.__surveyscopeStore;
  global.__surveyscopeStore = undefined;
  try {
    const { getStore } = await import("../index");
    const store = await getStore();
    expect(store.kind).toBe("postgres");
    expect(await store.listDatasets()).toEqual([]);
    expect(await getStore()).toBe(store);
    await store.close();
  } finally {
    global.__surveyscopeStore = previous;
    await dropSchema(schema);
  }
});
