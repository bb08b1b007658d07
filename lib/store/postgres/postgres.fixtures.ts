/**
 * Test helper: a PostgresStore in a fresh, randomly named schema that is dropped on dispose.
 * Needs a reachable PostgreSQL (TEST_DATABASE_URL, default the CI/dev server on 127.0.0.1:5432);
 * fails within a few seconds with a readable message when there is none.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PostgresStore, type PostgresStoreOptions } from "./postgres-store";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CONNECT_TIMEOUT_MS = 3000;

export interface TestPostgres {
  store: PostgresStore;
  schema: string;
  /** close the store and drop its schema */
  dispose(): Promise<void>;
}

export function randomSchemaName(): string {
  return `ss_test_${randomBytes(6).toString("hex")}`;
}

function unreachable(err: unknown): Error {
  const msg = err instanceof Error ? err.message : String(err);
  return new Error(
    `PostgreSQL is required for these tests but is not usable at ${TEST_DATABASE_URL} (set TEST_DATABASE_URL to override): ${msg}`,
    { cause: err },
  );
}

export async function openTestPostgres(schema = randomSchemaName(), options: PostgresStoreOptions = {}): Promise<TestPostgres> {
  let store: PostgresStore;
  try {
    store = await PostgresStore.open(TEST_DATABASE_URL, { schema, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, max: 4, ...options });
  } catch (err) {
    throw unreachable(err);
  }
  return {
    store,
    schema,
    async dispose() {
      await store.close();
      await dropSchema(schema);
    },
  };
}

/** run one statement on a short-lived connection (schema cleanup, fault injection) */
export async function adminQuery(sql: string, params: unknown[] = [], searchPath?: string): Promise<pg.QueryResult> {
  const client = new pg.Client({
    connectionString: TEST_DATABASE_URL,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  try {
    await client.connect();
  } catch (err) {
    throw unreachable(err);
  }
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  if (!/^ss_test_[0-9a-f]+$/.test(schema)) throw new Error(`refusing to drop schema ${schema}`);
  await adminQuery(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
