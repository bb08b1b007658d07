import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";
import { E2E_ADMIN } from "../e2e-admin";

/**
 * Issue 16: the route × role × workspace matrix, continued.
 * - a workspace admin acting on a user of ANOTHER workspace: reset their password, change their
 *   role, add them as a member (an invitation they must accept; a password reset stays out of reach
 *   while they belong to a workspace the admin does not administer);
 * - uploads in one workspace racing a listing from another: never visible there;
 * - forged proxy headers: a rotating X-Forwarded-For neither escapes the sign-in back-off nor
 *   names or places an actor in the audit trail.
 */
const PW = "cross-workspace-pw-0123";
const stamp = Date.now();

async function signedIn(baseURL: string, email: string, password = PW): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const res = await ctx.post("/api/auth/sign-in/email", { data: { email, password } });
  expect(res.status(), await res.text()).toBe(200);
  return ctx;
}

test.describe("a workspace admin and the users of another workspace", () => {
  let root: APIRequestContext;
  let wAdmin: APIRequestContext;
  let workspaceId = "";
  const wAdminEmail = `w-admin-${stamp}@e2e.surveyscope.test`;
  const analystEmail = `default-analyst-${stamp}@e2e.surveyscope.test`;

  test.beforeAll(async ({ baseURL }) => {
    // the setup project's session of the Default (platform) admin
    root = await playwrightRequest.newContext({ baseURL, storageState: "test-results/.auth/admin.json", extraHTTPHeaders: { origin: baseURL! } });
    const ws = await root.post("/api/admin/workspaces", { data: { name: `Tenant ${stamp}` } });
    expect(ws.status(), await ws.text()).toBe(201);
    workspaceId = (await ws.json()).workspace.id;
    expect((await root.post("/api/admin/users", { data: { email: wAdminEmail, password: PW, role: "admin", workspaceId } })).status()).toBe(201);
    expect((await root.post("/api/admin/users", { data: { email: analystEmail, password: PW, role: "analyst" } })).status()).toBe(201);
    wAdmin = await signedIn(baseURL!, wAdminEmail);
    // the Default admin created (so administers) that workspace; a second one, created by W's
    // admin, has no member from Default: the tests act there
    const own = await wAdmin.post("/api/admin/workspaces", { data: { name: `Tenant own ${stamp}` } });
    expect(own.status(), await own.text()).toBe(201);
    workspaceId = (await own.json()).workspace.id;
  });
  test.afterAll(async () => {
    await wAdmin?.dispose();
    await root?.dispose();
  });

  test("cannot reset the password of, or change the role of, a user who is not in their workspace", async () => {
    for (const body of [
      { email: E2E_ADMIN.email, password: "taken-over-password-0", workspaceId },
      { email: E2E_ADMIN.email, role: "viewer", workspaceId },
      { email: analystEmail, password: "taken-over-password-0" },
    ]) {
      const res = await wAdmin.patch("/api/admin/users", { data: body });
      expect(res.status(), JSON.stringify(body)).toBe(404);
    }
  });

  test("adding another workspace's user only invites them; they accept in their own session; a password reset stays refused", async ({ baseURL }) => {
    const add = await wAdmin.post(`/api/admin/workspaces/${workspaceId}/members`, { data: { email: E2E_ADMIN.email, role: "viewer" } });
    expect(add.status(), await add.text()).toBe(202);
    expect((await wAdmin.patch("/api/admin/users", { data: { email: E2E_ADMIN.email, password: "taken-over-password-0", workspaceId } })).status()).toBe(404);

    const invite = await wAdmin.post(`/api/admin/workspaces/${workspaceId}/members`, { data: { email: analystEmail, role: "admin" } });
    expect(invite.status(), await invite.text()).toBe(202);
    const members = (await (await wAdmin.get(`/api/admin/users?workspaceId=${workspaceId}`)).json()).users.map((u: { email: string }) => u.email);
    expect(members).not.toContain(analystEmail);

    const analyst = await signedIn(baseURL!, analystEmail);
    const pending = (await (await analyst.get("/api/me/invitations")).json()).invitations;
    expect(pending).toEqual([expect.objectContaining({ workspaceId, role: "admin" })]);
    // the inviting admin cannot accept it for them
    expect((await wAdmin.post(`/api/me/invitations/${pending[0].id}/accept`)).status()).toBe(404);
    expect((await analyst.post(`/api/me/invitations/${pending[0].id}/accept`)).status()).toBe(200);

    // a member of W now, but also of Default: W's admin still cannot reset the global password
    const reset = await wAdmin.patch("/api/admin/users", { data: { email: analystEmail, password: "taken-over-password-0", workspaceId } });
    expect(reset.status(), await reset.text()).toBe(403);
    // the role inside W is W's admin's business
    expect((await wAdmin.patch("/api/admin/users", { data: { email: analystEmail, role: "viewer", workspaceId } })).status()).toBe(200);
    await analyst.dispose();
    // the old password still works
    const again = await signedIn(baseURL!, analystEmail);
    await again.dispose();
  });

  test("uploads in the workspace racing a listing from the Default workspace never show there", async () => {
    const names = Array.from({ length: 6 }, (_, i) => `race-${stamp}-${i}`);
    const seen = new Set<string>();
    let done = false;
    const poll = (async () => {
      while (!done) {
        const list = await root.get("/api/datasets");
        for (const d of (await list.json()).datasets as { name: string }[]) if (d.name.startsWith(`race-${stamp}`)) seen.add(d.name);
      }
    })();
    try {
      // two at a time: the per-user upload limit
      for (let i = 0; i < names.length; i += 2) {
        const res = await Promise.all(
          names.slice(i, i + 2).map((n) => wAdmin.post(`/api/datasets?name=${n}`, { data: Buffer.from("q,seg\nyes,a\nno,b\nyes,b\n"), headers: { "content-type": "application/octet-stream" } })),
        );
        for (const r of res) expect(r.status(), await r.text()).toBe(201);
      }
    } finally {
      done = true;
      await poll;
    }
    expect([...seen]).toEqual([]);
    const mine = ((await (await wAdmin.get("/api/datasets")).json()).datasets as { name: string }[]).map((d) => d.name);
    expect(mine).toEqual(expect.arrayContaining(names));
  });
});

test.describe("forged proxy headers", () => {
  test("a rotating X-Forwarded-For does not escape the per-account sign-in back-off", async ({ playwright, baseURL }) => {
    const root = await playwrightRequest.newContext({ baseURL, storageState: "test-results/.auth/admin.json", extraHTTPHeaders: { origin: baseURL! } });
    const email = `forged-${stamp}@e2e.surveyscope.test`;
    expect((await root.post("/api/admin/users", { data: { email, password: PW, role: "viewer" } })).status()).toBe(201);
    const anon = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    const statuses: number[] = [];
    for (let i = 0; i < 10 && !statuses.includes(429); i++) {
      const res = await anon.post("/api/auth/sign-in/email", { data: { email, password: "wrong-password-000" }, headers: { "x-forwarded-for": `203.0.113.${i + 1}` } });
      statuses.push(res.status());
    }
    expect(statuses, statuses.join(",")).toContain(429);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(5);
    await anon.dispose();
    await root.dispose();
  });

  test("an anonymous sign-out claiming the admin's email with a forged address names nobody and records the real peer", async ({ playwright, baseURL }) => {
    const anon = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    const res = await anon.post("/api/auth/sign-out", { data: { email: E2E_ADMIN.email }, headers: { "x-forwarded-for": "203.0.113.77" } });
    expect(res.status()).toBeLessThan(500);
    await anon.dispose();
    const root = await playwrightRequest.newContext({ baseURL, storageState: "test-results/.auth/admin.json", extraHTTPHeaders: { origin: baseURL! } });
    const records = (await (await root.get("/api/audit?action=auth:sign-out")).json()).records as { actor_email: string | null; ip: string | null; detail: string }[];
    expect(records.length).toBeGreaterThan(0);
    expect(records[0].actor_email).toBeNull();
    // the TCP peer stamped by instrumentation.ts (the test server listens on 127.0.0.1), not the header
    expect(records[0].ip).toBe("127.0.0.1");
    expect(records.some((r) => r.ip === "203.0.113.77" || (r.actor_email === E2E_ADMIN.email && r.detail.includes("203.0.113.77")))).toBe(false);
    await root.dispose();
  });
});
