// Hole 1 (issue 16): the admin of workspace W must not take over an account of another workspace.
// The route handlers run against a real application database (DuckDB), with `getIdentity` pointed at it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openTempDuckDb, type TempDuckDb } from "@/lib/store/duckdb/temp-db.fixtures";
import { testIdentity } from "./identity.fixtures";
import type { Identity } from "./auth";
import { createUserWithPassword, createWorkspace, getMembership, listInvitations, membershipWorkspaceIds, setMembership } from "./identity";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { assertCanManageAccount, isPlatformAdmin } from "./workspaces";

const BASE = "http://localhost:3000";
const PW = "correct horse battery";
const NEW_PW = "attacker chose this one";
let db: TempDuckDb;
let id: Identity;

vi.mock("@/lib/auth/server", () => ({ getIdentity: async () => id, getAuth: async () => id.auth, appOrigin: () => BASE }));

const users = await import("@/app/api/admin/users/route");
const members = await import("@/app/api/admin/workspaces/[id]/members/route");
const accept = await import("@/app/api/me/invitations/[id]/accept/route");
const invitations = await import("@/app/api/me/invitations/route");

let wsW: string;

beforeAll(async () => {
  db = await openTempDuckDb("takeover");
  id = testIdentity(db, 100);
  await createUserWithPassword(id, { email: "root@example.org", password: PW, role: "admin", workspaceId: DEFAULT_WORKSPACE_ID });
  wsW = (await createWorkspace(id.sql, "Tenant W")).id;
  await createUserWithPassword(id, { email: "mallory@example.org", password: PW, role: "admin", workspaceId: wsW });
  await createUserWithPassword(id, { email: "wuser@example.org", password: PW, role: "analyst", workspaceId: wsW });
});
afterAll(() => db.close());

async function signIn(email: string, password = PW): Promise<Response> {
  return id.auth.handler(
    new Request(`${BASE}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: BASE }, body: JSON.stringify({ email, password }) }),
  );
}
async function cookie(email: string): Promise<string> {
  const res = await signIn(email);
  expect(res.status).toBe(200);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
function req(method: string, url: string, c: string, body?: unknown): Request {
  return new Request(`${BASE}${url}`, { method, headers: { cookie: c, origin: BASE, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
}
const noParams = { params: Promise.resolve({} as Record<string, never>) };

describe("account takeover across workspaces", { timeout: 30_000 }, () => {
  it("W's admin adding Default's admin only invites them; the membership needs the user's own acceptance", async () => {
    const mallory = await cookie("mallory@example.org");
    const res = await members.POST(req("POST", `/api/admin/workspaces/${wsW}/members`, mallory, { email: "root@example.org", role: "viewer" }), { params: Promise.resolve({ id: wsW }) });
    expect(res.status).toBe(202);
    const root = (await id.sql.all(`SELECT "id" FROM auth_user WHERE "email" = 'root@example.org'`))[0].id as string;
    expect(await getMembership(id.sql, root, wsW)).toBeNull();
    expect(await membershipWorkspaceIds(id.sql, root)).toEqual([DEFAULT_WORKSPACE_ID]);

    // so the reset that followed is refused: root is not a member of W
    const reset = await users.PATCH(req("PATCH", "/api/admin/users", mallory, { email: "root@example.org", password: NEW_PW, workspaceId: wsW }), noParams);
    expect(reset.status).toBe(404);
    expect((await signIn("root@example.org", NEW_PW)).status).not.toBe(200);

    // another user cannot accept root's invitation
    const inv = (await listInvitations(id.sql, root))[0];
    const stolen = await accept.POST(req("POST", `/api/me/invitations/${inv.id}/accept`, await cookie("wuser@example.org")), { params: Promise.resolve({ id: inv.id }) });
    expect(stolen.status).toBe(404);
    expect(await getMembership(id.sql, root, wsW)).toBeNull();

    // root sees and accepts it in their own session
    const rootCookie = await cookie("root@example.org");
    const listed = await (await invitations.GET(req("GET", "/api/me/invitations", rootCookie), noParams)).json();
    expect(listed.invitations.map((i: { id: string }) => i.id)).toEqual([inv.id]);
    const ok = await accept.POST(req("POST", `/api/me/invitations/${inv.id}/accept`, rootCookie), { params: Promise.resolve({ id: inv.id }) });
    expect(ok.status).toBe(200);
    expect((await getMembership(id.sql, root, wsW))?.role).toBe("viewer");
  });

  it("even once the user is a member of W, W's admin cannot reset their global password (they are in Default too)", async () => {
    const mallory = await cookie("mallory@example.org");
    const root = (await id.sql.all(`SELECT "id" FROM auth_user WHERE "email" = 'root@example.org'`))[0].id as string;
    if (!(await getMembership(id.sql, root, wsW))) await setMembership(id.sql, root, wsW, "viewer");
    const reset = await users.PATCH(req("PATCH", "/api/admin/users", mallory, { email: "root@example.org", password: NEW_PW, role: "analyst", workspaceId: wsW }), noParams);
    expect(reset.status).toBe(403);
    expect((await signIn("root@example.org", NEW_PW)).status).not.toBe(200);
    expect((await signIn("root@example.org")).status).toBe(200);
    // a refused reset changes nothing, not even the role given with it
    expect((await getMembership(id.sql, root, wsW))?.role).toBe("viewer");
    // a role change inside W alone stays W's admin's business
    const role = await users.PATCH(req("PATCH", "/api/admin/users", mallory, { email: "root@example.org", role: "analyst", workspaceId: wsW }), noParams);
    expect(role.status).toBe(200);
  });

  it("W's admin still resets the password of a user who belongs to W only; a platform admin resets anyone's", async () => {
    const mallory = await cookie("mallory@example.org");
    const own = await users.PATCH(req("PATCH", "/api/admin/users", mallory, { email: "wuser@example.org", password: NEW_PW }), noParams);
    expect(own.status).toBe(200);
    expect((await signIn("wuser@example.org", NEW_PW)).status).toBe(200);

    const root = await cookie("root@example.org");
    const mal = (await id.sql.all(`SELECT "id" FROM auth_user WHERE "email" = 'mallory@example.org'`))[0].id as string;
    // the platform admin adds an existing user at once (201), no invitation needed
    const add = await members.POST(req("POST", `/api/admin/workspaces/${DEFAULT_WORKSPACE_ID}/members`, root, { email: "mallory@example.org", role: "viewer" }), { params: Promise.resolve({ id: DEFAULT_WORKSPACE_ID }) });
    expect(add.status).toBe(201);
    expect((await getMembership(id.sql, mal, DEFAULT_WORKSPACE_ID))?.role).toBe("viewer");
    const reset = await users.PATCH(req("PATCH", "/api/admin/users", root, { email: "mallory@example.org", password: NEW_PW }), noParams);
    expect(reset.status).toBe(200);
  });

  it("isPlatformAdmin / assertCanManageAccount: Default's admins; others need admin of every workspace of the target", async () => {
    const [rootId, malId, wId] = await Promise.all(["root", "mallory", "wuser"].map(async (n) => String((await id.sql.all(`SELECT "id" FROM auth_user WHERE "email" = $1`, [`${n}@example.org`]))[0].id)));
    const rootV = { userId: rootId, email: "root@example.org", workspaceId: wsW, role: "viewer" as const, via: "session" as const };
    const malV = { userId: malId, email: "mallory@example.org", workspaceId: wsW, role: "admin" as const, via: "session" as const };
    expect(await isPlatformAdmin(id.sql, rootV)).toBe(true); // a session: membership in Default, whatever the current workspace
    expect(await isPlatformAdmin(id.sql, { ...rootV, via: "token" })).toBe(false); // a token bound to W
    expect(await isPlatformAdmin(id.sql, malV)).toBe(false);
    await expect(assertCanManageAccount(id.sql, malV, rootId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(assertCanManageAccount(id.sql, malV, wId)).resolves.toBeUndefined();
    await expect(assertCanManageAccount(id.sql, malV, malId)).resolves.toBeUndefined();
    await expect(assertCanManageAccount(id.sql, rootV, wId)).resolves.toBeUndefined();
  });
});
