import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { adminQuery, dropSchema, randomSchemaName, TEST_DATABASE_URL } from "@/lib/store/postgres/postgres.fixtures";
import { createIdentity, type Identity } from "./auth";
import { canSeeDatasetWith, createApiToken, createUserWithPassword, createWorkspace, revokeApiToken, setDatasetWorkspace, shareDataset, unshareDataset } from "./identity";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { PostgresStore } from "@/lib/store/postgres/postgres-store";
import { resolveViewer } from "./viewer-core";

// Same PostgreSQL as the Postgres store's tests (TEST_DATABASE_URL); a fresh schema per run.
const BASE = "http://localhost:3000";
const PW = "correct horse battery";
const schema = randomSchemaName();
let store: PostgresStore;
let other: PostgresStore;
let id: Identity;

beforeAll(async () => {
  // the store creates the schema, its datasets table and the identity tables, over one pool
  store = await PostgresStore.open(TEST_DATABASE_URL, { schema, max: 4 });
  other = await PostgresStore.open(TEST_DATABASE_URL, { schema, max: 1 }); // migrations are idempotent
  await other.close();
  id = createIdentity({ db: store.app, secret: "p".repeat(40), baseURL: BASE, loginMaxAttempts: 2 });
});
afterAll(async () => {
  await store?.close();
  await dropSchema(schema);
});

async function signIn(email: string, password: string, ip: string): Promise<Response> {
  return id.auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, [CLIENT_ADDRESS_HEADER]: ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("identity on PostgreSQL (DATABASE_URL)", () => {
  it("sign-in, session viewer, sign-out, rate limit", async () => {
    await createUserWithPassword(id, { email: "pg@example.org", password: PW, role: "researcher", workspaceId: DEFAULT_WORKSPACE_ID });
    const res = await signIn("pg@example.org", PW, "10.3.3.3");
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(await resolveViewer(id, new Headers({ cookie }))).toMatchObject({ email: "pg@example.org", role: "researcher", via: "session" });
    await id.auth.handler(new Request(`${BASE}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: BASE } }));
    expect(await resolveViewer(id, new Headers({ cookie }))).toBeNull();

    expect((await signIn("pg@example.org", "wrong password!!", "10.4.4.4")).status).toBe(401);
    expect((await signIn("pg@example.org", "wrong password!!", "10.4.4.4")).status).toBe(401);
    expect((await signIn("pg@example.org", PW, "10.4.4.4")).status).toBe(429);
  });

  it("tokens and dataset visibility", async () => {
    const u = await createUserWithPassword(id, { email: "pgtok@example.org", password: PW, role: "analyst", workspaceId: DEFAULT_WORKSPACE_ID });
    const t = await createApiToken(id.sql, { userId: u.id, workspaceId: DEFAULT_WORKSPACE_ID, role: "viewer" });
    expect((await resolveViewer(id, new Headers({ authorization: `Bearer ${t.token}` })))?.role).toBe("viewer");
    expect(await revokeApiToken(id.sql, t.id)).toBe(true);
    expect(await resolveViewer(id, new Headers({ authorization: `Bearer ${t.token}` }))).toBeNull();

    await adminQuery(`INSERT INTO datasets (id, version, data_table, name, meta) VALUES ('pg-a', 1, 't1', 'A', '{}'), ('pg-b', 1, 't2', 'B', '{}')`, [], schema);
    const other = await createWorkspace(id.sql, "Other");
    await setDatasetWorkspace(id.sql, "pg-a", DEFAULT_WORKSPACE_ID);
    await setDatasetWorkspace(id.sql, "pg-b", other.id);
    const viewer = { userId: u.id, workspaceId: DEFAULT_WORKSPACE_ID };
    expect(await canSeeDatasetWith(id.sql, viewer, "pg-a")).toBe(true);
    expect(await canSeeDatasetWith(id.sql, viewer, "pg-b")).toBe(false);
    expect(await canSeeDatasetWith(id.sql, viewer, "pg-none")).toBe(false);
    // sharing (parameters typed alike in every position: PostgreSQL refused the untyped ones)
    await shareDataset(id.sql, { datasetId: "pg-b", workspaceId: DEFAULT_WORKSPACE_ID });
    await shareDataset(id.sql, { datasetId: "pg-b", workspaceId: DEFAULT_WORKSPACE_ID });
    expect(await canSeeDatasetWith(id.sql, viewer, "pg-b")).toBe(true);
    expect(await unshareDataset(id.sql, { datasetId: "pg-b", workspaceId: DEFAULT_WORKSPACE_ID })).toBe(true);
    expect(await unshareDataset(id.sql, { datasetId: "pg-b", workspaceId: DEFAULT_WORKSPACE_ID })).toBe(false);
    expect(await canSeeDatasetWith(id.sql, viewer, "pg-b")).toBe(false);
  });
});
