import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { dropSchema, randomSchemaName, TEST_DATABASE_URL } from "@/lib/store/postgres/postgres.fixtures";
import { createIdentity, type Identity } from "./auth";
import { createUserWithPassword } from "./identity";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { PostgresStore } from "@/lib/store/postgres/postgres-store";
import { sharedStateCases } from "./shared-state.fixtures";

// Two stores (two pools) on one fresh schema = two app instances (`next start` ×2) on one PostgreSQL.
const BASE = "http://localhost:3000";
const schema = randomSchemaName();
let stores: PostgresStore[] = [];

beforeAll(async () => {
  stores = [await PostgresStore.open(TEST_DATABASE_URL, { schema, max: 4 }), await PostgresStore.open(TEST_DATABASE_URL, { schema, max: 4 })];
});
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  await dropSchema(schema);
});

describe("shared limiter, budget and release history on PostgreSQL, across two instances", () => {
  sharedStateCases(() => ({ a: stores[0].app.sql, b: stores[1].app.sql }));

  it("the sign-in limit of better-auth counts attempts made on either instance", async () => {
    const [one, two]: Identity[] = stores.map((s) => createIdentity({ db: s.app, secret: "s".repeat(40), baseURL: BASE, loginMaxAttempts: 2, loginWindowSeconds: 60 }));
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
