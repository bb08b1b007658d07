import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { adminQuery, dropSchema, randomSchemaName, TEST_DATABASE_URL } from "@/lib/store/postgres/test-support";
import { createIdentity, type Identity } from "./auth";
import { createUserWithPassword } from "./identity";
import { DEFAULT_WORKSPACE_ID } from "./migrations";
import { openIdentityPool, pgRunner } from "./pg";
import { sharedStateCases } from "./shared-state-cases";

// Two pools on one fresh schema = two app instances (`next start` ×2) on one PostgreSQL.
const BASE = "http://localhost:3000";
const schema = randomSchemaName();
let pools: pg.Pool[] = [];

beforeAll(async () => {
  await adminQuery(`CREATE SCHEMA "${schema}"`);
  await adminQuery(`CREATE TABLE datasets (id TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (id, version))`, [], schema);
  pools = [await openIdentityPool(TEST_DATABASE_URL, schema), await openIdentityPool(TEST_DATABASE_URL, schema)];
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await dropSchema(schema);
});

describe("shared limiter, budget and release history on PostgreSQL, across two instances", () => {
  sharedStateCases(() => ({ a: pgRunner(pools[0]), b: pgRunner(pools[1]) }));

  it("the sign-in limit of better-auth counts attempts made on either instance", async () => {
    const [one, two]: Identity[] = pools.map((pool) => createIdentity({ pool, secret: "s".repeat(40), baseURL: BASE, loginMaxAttempts: 2, loginWindowSeconds: 60 }));
    await createUserWithPassword(one, { email: "multi@example.org", password: "correct horse battery", role: "viewer", workspaceId: DEFAULT_WORKSPACE_ID });
    const signIn = (id: Identity, password: string) =>
      id.auth.handler(
        new Request(`${BASE}/api/auth/sign-in/email`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: BASE, [CLIENT_ADDRESS_HEADER]: "10.7.7.7" },
          body: JSON.stringify({ email: "multi@example.org", password }),
        }),
      );
    expect((await signIn(one, "wrong password!!")).status).toBe(401);
    expect((await signIn(two, "wrong password!!")).status).toBe(401);
    expect((await signIn(one, "correct horse battery")).status).toBe(429);
    expect((await signIn(two, "correct horse battery")).status).toBe(429);
  });
});
