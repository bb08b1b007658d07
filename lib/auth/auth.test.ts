import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { openTempDuckDb, type TempDuckDb } from "@/lib/store/duckdb/temp-db.fixtures";
import { testIdentity } from "./identity.fixtures";
import { duckdbAppDatabase } from "@/lib/store/app-database";
import { createIdentity, type Identity } from "./auth";
import {
  canSeeDatasetWith,
  createApiToken,
  createUserWithPassword,
  createWorkspace,
  revokeApiToken,
  setDatasetWorkspace,
  setMembership,
  setUserPassword,
  shareDataset,
  visibleDatasetIdsWith,
} from "./identity";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { isSameOriginWrite, requireViewerWith, resolveViewer } from "./viewer-core";

const BASE = "http://localhost:3000";
const PW = "correct horse battery";
let db: TempDuckDb;
let id: Identity;

beforeAll(async () => {
  db = await openTempDuckDb("auth");
  id = testIdentity(db, 3);
});
afterAll(() => db.close());

async function signIn(email: string, password: string, ip = "10.0.0.1"): Promise<Response> {
  return id.auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, [CLIENT_ADDRESS_HEADER]: ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}
function cookieOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

describe("sessions (better-auth over DuckDB)", () => {
  it("public sign-up is off: accounts are created by an admin", async () => {
    await expect(id.auth.api.signUpEmail({ body: { email: "self@example.org", password: PW, name: "Self" } })).rejects.toThrow();
  });

  it("sign-up, sign-in, session and sign-out via auth.api when sign-up is allowed", async () => {
    const open = createIdentity({ db: duckdbAppDatabase(db.instance), secret: "y".repeat(40), baseURL: BASE, allowSignUp: true });
    await open.auth.api.signUpEmail({ body: { email: "Open@Example.org", password: PW, name: "Open" } });
    const { headers } = await open.auth.api.signInEmail({ body: { email: "open@example.org", password: PW }, returnHeaders: true });
    const cookie = headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const session = await open.auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user.email).toBe("open@example.org");
    await open.auth.api.signOut({ headers: new Headers({ cookie }) });
    expect(await open.auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();
  });

  it("admin-created user signs in over HTTP, resolves to a viewer with their role, and signs out", async () => {
    await createUserWithPassword(id, { email: "ana@example.org", password: PW, role: "analyst", workspaceId: DEFAULT_WORKSPACE_ID });
    const res = await signIn("ana@example.org", PW);
    expect(res.status).toBe(200);
    const cookie = cookieOf(res);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/HttpOnly/i);
    const viewer = await resolveViewer(id, new Headers({ cookie }));
    expect(viewer).toMatchObject({ email: "ana@example.org", workspaceId: DEFAULT_WORKSPACE_ID, role: "analyst", via: "session" });

    const out = await id.auth.handler(new Request(`${BASE}/api/auth/sign-out`, { method: "POST", headers: { cookie, origin: BASE } }));
    expect(out.status).toBe(200);
    expect(await resolveViewer(id, new Headers({ cookie }))).toBeNull();
  });

  it("stores a scrypt hash, never the password", async () => {
    const rows = await id.sql.all(`SELECT a."password" FROM auth_account a JOIN auth_user u ON u."id" = a."userId" WHERE u."email" = $1`, ["ana@example.org"]);
    expect(String(rows[0].password)).not.toContain(PW);
    expect(String(rows[0].password)).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
  });

  it("rate-limits sign-in: after N tries from one IP the next answers 429, even with the right password", async () => {
    await createUserWithPassword(id, { email: "rl@example.org", password: PW, role: "viewer", workspaceId: DEFAULT_WORKSPACE_ID });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await signIn("rl@example.org", "wrong password!!", "10.9.9.9")).status);
    expect(statuses).toEqual([401, 401, 401]);
    expect((await signIn("rl@example.org", PW, "10.9.9.9")).status).toBe(429);
    // another client is not affected
    expect((await signIn("rl@example.org", PW, "10.9.9.10")).status).toBe(200);
  });

  it("admin password reset: old password fails, new one works, existing sessions are revoked", async () => {
    const u = await createUserWithPassword(id, { email: "pw@example.org", password: PW, role: "viewer", workspaceId: DEFAULT_WORKSPACE_ID });
    const cookie = cookieOf(await signIn("pw@example.org", PW, "10.1.1.1"));
    expect(await resolveViewer(id, new Headers({ cookie }))).not.toBeNull();
    await setUserPassword(id, u.id, "a brand new passphrase");
    expect(await resolveViewer(id, new Headers({ cookie }))).toBeNull();
    expect((await signIn("pw@example.org", PW, "10.1.1.2")).status).toBe(401);
    expect((await signIn("pw@example.org", "a brand new passphrase", "10.1.1.3")).status).toBe(200);
  });

  it("rejects a duplicate email and a short password", async () => {
    await expect(createUserWithPassword(id, { email: "ANA@example.org", password: PW, role: "viewer", workspaceId: DEFAULT_WORKSPACE_ID })).rejects.toThrow(/exists/);
    await expect(createUserWithPassword(id, { email: "short@example.org", password: "short", role: "viewer", workspaceId: DEFAULT_WORKSPACE_ID })).rejects.toThrow();
  });
});

describe("API tokens", () => {
  it("create → Bearer resolves the role; revoked → null", async () => {
    const u = await createUserWithPassword(id, { email: "res@example.org", password: PW, role: "researcher", workspaceId: DEFAULT_WORKSPACE_ID });
    const { id: tokenId, token } = await createApiToken(id.sql, { userId: u.id, workspaceId: DEFAULT_WORKSPACE_ID, role: "analyst" });
    const stored = await id.sql.all(`SELECT token_hash FROM api_tokens WHERE id = $1`, [tokenId]);
    expect(String(stored[0].token_hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(String(stored[0].token_hash)).not.toContain(token);

    const viewer = await resolveViewer(id, new Headers({ authorization: `Bearer ${token}` }));
    expect(viewer).toEqual({ userId: u.id, email: "res@example.org", workspaceId: DEFAULT_WORKSPACE_ID, role: "analyst", via: "token" });
    expect(await resolveViewer(id, new Headers({ authorization: `Bearer ${token}x` }))).toBeNull();
    expect(await resolveViewer(id, new Headers({ authorization: `Basic abc` }))).toBeNull();

    expect(await revokeApiToken(id.sql, tokenId)).toBe(true);
    expect(await resolveViewer(id, new Headers({ authorization: `Bearer ${token}` }))).toBeNull();
    expect(await revokeApiToken(id.sql, tokenId)).toBe(false);
  });

  it("a token never exceeds its user's role, and follows a demotion", async () => {
    const u = await createUserWithPassword(id, { email: "demote@example.org", password: PW, role: "researcher", workspaceId: DEFAULT_WORKSPACE_ID });
    await expect(createApiToken(id.sql, { userId: u.id, workspaceId: DEFAULT_WORKSPACE_ID, role: "admin" })).rejects.toThrow(/more rights/);
    const { token } = await createApiToken(id.sql, { userId: u.id, workspaceId: DEFAULT_WORKSPACE_ID, role: "researcher" });
    await setMembership(id.sql, u.id, DEFAULT_WORKSPACE_ID, "viewer");
    expect((await resolveViewer(id, new Headers({ authorization: `Bearer ${token}` })))?.role).toBe("viewer");
  });

  it("requireViewer: unauthorized without credentials, forbidden for a role not allowed", async () => {
    const u = await createUserWithPassword(id, { email: "v@example.org", password: PW, role: "viewer", workspaceId: DEFAULT_WORKSPACE_ID });
    const { token } = await createApiToken(id.sql, { userId: u.id, workspaceId: DEFAULT_WORKSPACE_ID, role: "viewer" });
    await expect(requireViewerWith(id, new Request(`${BASE}/api/x`), BASE)).rejects.toMatchObject({ code: "unauthorized" });
    const req = new Request(`${BASE}/api/x`, { headers: { authorization: `Bearer ${token}` } });
    await expect(requireViewerWith(id, req, BASE, ["admin", "analyst"])).rejects.toMatchObject({ code: "forbidden" });
    await expect(requireViewerWith(id, req, BASE, ["viewer"])).resolves.toMatchObject({ role: "viewer" });
  });
});

describe("dataset visibility", () => {
  it("own workspace, shared with the workspace, shared with one user; others see nothing", async () => {
    await db.connection.run(`INSERT INTO datasets (id, version, data_table, name, meta) VALUES ('ds-a', 1, 't1', 'A', '{}'), ('ds-b', 1, 't2', 'B', '{}'), ('ds-c', 1, 't3', 'C', '{}')`);
    const other = await createWorkspace(id.sql, "Acme");
    await setDatasetWorkspace(id.sql, "ds-a", DEFAULT_WORKSPACE_ID);
    await setDatasetWorkspace(id.sql, "ds-b", other.id);
    await setDatasetWorkspace(id.sql, "ds-c", other.id);
    const home = { userId: "u-home", workspaceId: DEFAULT_WORKSPACE_ID };
    const acme = { userId: "u-acme", workspaceId: other.id };
    const acme2 = { userId: "u-acme2", workspaceId: other.id };
    expect(await canSeeDatasetWith(id.sql, home, "ds-a")).toBe(true);
    expect(await canSeeDatasetWith(id.sql, home, "ds-b")).toBe(false);
    expect(await canSeeDatasetWith(id.sql, acme, "ds-a")).toBe(false);
    expect(await canSeeDatasetWith(id.sql, acme, "ds-b")).toBe(true);
    expect(await canSeeDatasetWith(id.sql, home, "nope")).toBe(false);

    await shareDataset(id.sql, { datasetId: "ds-b", workspaceId: DEFAULT_WORKSPACE_ID });
    await shareDataset(id.sql, { datasetId: "ds-b", workspaceId: DEFAULT_WORKSPACE_ID }); // idempotent
    await shareDataset(id.sql, { datasetId: "ds-a", workspaceId: other.id, userId: "u-acme" });
    expect(await canSeeDatasetWith(id.sql, home, "ds-b")).toBe(true);
    expect(await canSeeDatasetWith(id.sql, acme, "ds-a")).toBe(true);
    expect(await canSeeDatasetWith(id.sql, acme2, "ds-a")).toBe(false);
    expect([...(await visibleDatasetIdsWith(id.sql, home))].sort()).toEqual(["ds-a", "ds-b"]);
    expect([...(await visibleDatasetIdsWith(id.sql, acme2))].sort()).toEqual(["ds-b", "ds-c"]);
  });

  it("CSRF: cookie writes need the app's origin", () => {
    const mk = (method: string, headers: Record<string, string>) => new Request(`${BASE}/api/x`, { method, headers });
    expect(isSameOriginWrite(mk("GET", { origin: "https://evil.example" }), BASE)).toBe(true);
    expect(isSameOriginWrite(mk("POST", { origin: BASE }), BASE)).toBe(true);
    expect(isSameOriginWrite(mk("POST", { origin: "https://evil.example" }), BASE)).toBe(false);
    expect(isSameOriginWrite(mk("DELETE", {}), BASE)).toBe(false);
    expect(isSameOriginWrite(mk("POST", { "sec-fetch-site": "same-origin" }), BASE)).toBe(true);
  });
});
