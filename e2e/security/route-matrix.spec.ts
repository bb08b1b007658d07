import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { can, type Action, type Role } from "@/lib/auth/permissions";
import { expect, test } from "../fixtures";
import { E2E_ADMIN } from "../e2e-admin";

const ROLES: Role[] = ["admin", "researcher", "analyst", "viewer"];
const DEMO = "ai-agents-production";
const CSV = "q,seg\nyes,a\nno,b\n";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
/**
 * One route call: the action it needs (null: any signed-in caller), a request that exercises it
 * without lasting effects, and (optionally) the exact status a permitted caller gets.
 */
type RouteCall = { method: Method; path: string; action: Action | null; body?: unknown; raw?: string; okStatus?: number };

/** Every route of /api/openapi.json (but health, the document itself and better-auth's) with a request. */
const ROUTES: RouteCall[] = [
  { method: "GET", path: "/api/datasets", action: "dataset:read" },
  { method: "POST", path: "/api/datasets?name=matrix", action: "dataset:upload", raw: CSV },
  { method: "GET", path: `/api/datasets/${DEMO}`, action: "dataset:read" },
  { method: "DELETE", path: "/api/datasets/no-such-dataset", action: "dataset:delete" },
  { method: "POST", path: `/api/datasets/${DEMO}/crosstab`, action: "crosstab:run", body: { outcome: "rolled_back", outcome_category: "Yes", segment: "country" } },
  { method: "POST", path: `/api/datasets/${DEMO}/crosstab/export?format=csv`, action: "export:aggregate", body: { outcome: "rolled_back", outcome_category: "Yes", segment: "country" } },
  { method: "POST", path: `/api/datasets/${DEMO}/banner`, action: "crosstab:run", body: { outcome: "rolled_back", segments: ["country", "industry"] } },
  { method: "POST", path: `/api/datasets/${DEMO}/banner/export?format=xlsx`, action: "export:aggregate", body: { outcome: "rolled_back", segments: ["country"] } },
  {
    method: "POST",
    path: `/api/datasets/${DEMO}/benchmark-compare`,
    action: "crosstab:run",
    body: { benchmarkId: "sinch-rollback-shipped", column: "Total", spec: { outcome: "rolled_back", outcome_category: "Yes", segment: "country" } },
  },
  { method: "POST", path: `/api/datasets/${DEMO}/nps`, action: "crosstab:run", body: { outcome: "rolled_back", segment: "country" } },
  { method: "GET", path: `/api/datasets/${DEMO}/questions?q=country&role=segment&ids=country`, action: "dataset:read", okStatus: 200 },
  { method: "PUT", path: `/api/datasets/${DEMO}/questions`, action: "schema:edit", body: { questions: [] } },
  // an encoding no one offers: refused (422) after the authorisation, so nothing is re-read
  { method: "POST", path: `/api/datasets/${DEMO}/encoding`, action: "schema:edit", body: { encoding: "no-such-encoding", version: 1 } },
  {
    // weighting needs respondent access as well as schema:edit: on the demo (no uploader) that is
    // admins and researchers, the roles of export:respondents (an aggregate-only analyst gets 403)
    method: "POST",
    path: `/api/datasets/${DEMO}/weights`,
    action: "export:respondents",
    body: { name: "m", preview: true, scheme: { method: "rake", targets: { company_size: { "1,000–4,999 employees": 0.5, "5,000+ employees": 0.5 } } } },
  },
  { method: "POST", path: `/api/datasets/${DEMO}/derived`, action: "schema:edit", body: { id: "bad id!", label: "x", source: "country", groups: [] } },
  { method: "POST", path: `/api/datasets/${DEMO}/insights`, action: "crosstab:run", body: { outcome: "nope", outcome_category: "x" } },
  { method: "POST", path: `/api/datasets/${DEMO}/drivers`, action: "crosstab:run", body: { outcome: "rolled_back" } },
  { method: "POST", path: `/api/datasets/${DEMO}/respondents/export`, action: "export:respondents", body: { columns: ["country"] } },
  // the confidentiality policy: readable with the dataset; set by the uploader or an admin of the
  // owning workspace (the seeded demo has no uploader: admins only, like sharing)
  { method: "GET", path: `/api/datasets/${DEMO}/policy`, action: "dataset:read", okStatus: 200 },
  { method: "PUT", path: `/api/datasets/${DEMO}/policy`, action: "dataset:share", body: { policy: "protected" }, okStatus: 200 },
  { method: "GET", path: `/api/datasets/${DEMO}/shares`, action: "dataset:share" },
  { method: "POST", path: `/api/datasets/${DEMO}/shares`, action: "dataset:share", body: { workspace: "no-such-workspace" } },
  { method: "DELETE", path: `/api/datasets/${DEMO}/shares?workspace=no-such-workspace`, action: "dataset:share" },
  { method: "GET", path: "/api/audit", action: "audit:read" },
  { method: "GET", path: `/api/views?dataset=${DEMO}`, action: "views:read" },
  { method: "POST", path: "/api/views", action: "views:save", body: { datasetId: DEMO, name: "matrix", query: "outcome=rolled_back&category=Yes&segment=country" } },
  { method: "GET", path: "/api/views/no-such-view", action: "views:read" },
  { method: "DELETE", path: "/api/views/no-such-view", action: "views:save" },
  { method: "GET", path: "/api/dashboards", action: "dashboards:read" },
  { method: "POST", path: "/api/dashboards", action: "dashboards:edit", body: { name: "matrix", tiles: [] } },
  { method: "GET", path: "/api/dashboards/no-such-dashboard", action: "dashboards:read" },
  { method: "PUT", path: "/api/dashboards/no-such-dashboard", action: "dashboards:edit", body: { name: "matrix", tiles: [] } },
  { method: "DELETE", path: "/api/dashboards/no-such-dashboard", action: "dashboards:edit" },
  { method: "GET", path: "/api/dashboards/no-such-dashboard/deck", action: "dashboards:read" },
  // administration: admins only (invalid or unknown targets, so nothing changes)
  { method: "GET", path: "/api/admin/users", action: "users:manage", okStatus: 200 },
  { method: "POST", path: "/api/admin/users", action: "users:manage", body: { email: "not-an-email", password: "short", role: "viewer" }, okStatus: 422 },
  { method: "PATCH", path: "/api/admin/users", action: "users:manage", body: { email: "nobody@e2e.surveyscope.test", role: "viewer" }, okStatus: 404 },
  { method: "GET", path: "/api/admin/tokens", action: "users:manage", okStatus: 200 },
  { method: "POST", path: "/api/admin/tokens", action: "users:manage", body: { email: "nobody@e2e.surveyscope.test", role: "viewer" }, okStatus: 404 },
  { method: "DELETE", path: "/api/admin/tokens?id=no-such-token", action: "users:manage", okStatus: 404 },
  { method: "GET", path: "/api/admin/agents", action: "users:manage", okStatus: 200 },
  { method: "POST", path: "/api/admin/agents", action: "users:manage", body: { name: "", datasets: [], tools: [] }, okStatus: 422 },
  { method: "DELETE", path: "/api/admin/agents?id=no-such-agent", action: "users:manage", okStatus: 404 },
  { method: "GET", path: "/api/admin/workspaces", action: "users:manage", okStatus: 200 },
  { method: "POST", path: "/api/admin/workspaces", action: "users:manage", body: { name: "" }, okStatus: 422 },
  { method: "POST", path: "/api/admin/workspaces/no-such-workspace/members", action: "users:manage", body: { email: "nobody@e2e.surveyscope.test", role: "viewer" }, okStatus: 404 },
  { method: "DELETE", path: "/api/admin/workspaces/no-such-workspace/members?email=nobody@e2e.surveyscope.test", action: "users:manage", okStatus: 404 },
  // deleting a workspace: a signed-in session only, so even an admin's token is refused
  { method: "DELETE", path: "/api/admin/workspaces/no-such-workspace", action: "users:manage", okStatus: 403 },
  { method: "POST", path: "/api/admin/users/no-such-user/password-link", action: "users:manage", body: {}, okStatus: 404 },
  { method: "PUT", path: "/api/admin/users/no-such-user/status", action: "users:manage", body: { active: false }, okStatus: 404 },
  // the MCP server opens to AI agent credentials only: every user's API token is refused (401)
  { method: "POST", path: "/api/mcp", action: null, body: { jsonrpc: "2.0", id: 1, method: "tools/list" }, okStatus: 401 },
  // the caller themself: every role
  { method: "GET", path: "/api/me", action: null, okStatus: 200 },
  { method: "POST", path: "/api/me/workspace", action: null, body: { workspaceId: "default" }, okStatus: 400 }, // a token is bound to its workspace
  // invitations: answered in a signed-in session only (a token, which an admin can mint, is not consent)
  { method: "GET", path: "/api/me/invitations", action: null, okStatus: 200 },
  { method: "POST", path: "/api/me/invitations/no-such-invitation/accept", action: null, okStatus: 400 },
  { method: "DELETE", path: "/api/me/invitations/no-such-invitation", action: null, okStatus: 400 },
];

/** Documented routes the matrix does not call: no credentials involved (the account links: the link is the credential), or better-auth's own. */
const UNMATRIXED = (path: string) => path === "/api/health" || path === "/api/openapi.json" || path.startsWith("/api/auth/") || path.startsWith("/api/account-links/");

/** The documented template of a matrix path: `/api/datasets/{id}/…` for the demo and the no-such-* ids. */
const templateOf = (path: string) => path.split("?")[0].replace(`/${DEMO}`, "/{id}").replace(/\/no-such-(dataset|view|dashboard|workspace|invitation|user)\b/, "/{id}");

const allowed = (role: Role, r: RouteCall) => (r.action === null ? true : can(role, r.action));

async function signedInAdmin(baseURL: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const res = await ctx.post("/api/auth/sign-in/email", { data: E2E_ADMIN });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ctx;
}

async function call(ctx: APIRequestContext, r: RouteCall, headers: Record<string, string> = {}) {
  const opts = r.raw !== undefined ? { data: Buffer.from(r.raw), headers: { ...headers, "content-type": "application/octet-stream" } } : { data: r.body, headers };
  if (r.method === "GET") return ctx.get(r.path, { headers });
  if (r.method === "DELETE") return ctx.delete(r.path, { headers });
  if (r.method === "PUT") return ctx.put(r.path, opts);
  if (r.method === "PATCH") return ctx.patch(r.path, opts);
  return ctx.post(r.path, opts);
}

test.describe("route × role matrix", () => {
  let admin: APIRequestContext;
  const tokens = new Map<Role, string>();

  test.beforeAll(async ({ baseURL }) => {
    admin = await signedInAdmin(baseURL!);
    for (const role of ROLES) {
      const email = `${role}-${Date.now()}@e2e.surveyscope.test`;
      const user = await admin.post("/api/admin/users", { data: { email, password: "matrix-password-0123", role } });
      expect(user.status(), await user.text()).toBe(201);
      const tok = await admin.post("/api/admin/tokens", { data: { email, role } });
      expect(tok.status(), await tok.text()).toBe(201);
      tokens.set(role, (await tok.json()).token);
    }
  });

  test("the matrix covers every route and method the API documents", async () => {
    const doc = (await (await admin.get("/api/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([p]) => !UNMATRIXED(p))
      .flatMap(([p, ops]) => Object.keys(ops).filter((m) => ["get", "post", "put", "patch", "delete"].includes(m)).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.length).toBeGreaterThan(30);
    const covered = new Set(ROUTES.map((r) => `${r.method} ${templateOf(r.path)}`));
    for (const route of documented) expect(covered, `${route} is not in the matrix`).toContain(route);
    for (const route of covered) expect(documented, `${route} is in the matrix but not documented`).toContain(route);
  });

  for (const r of ROUTES) {
    test(`${r.method} ${r.path}: anonymous is refused`, async ({ playwright, baseURL }) => {
      const anon = await playwright.request.newContext({ baseURL });
      expect((await call(anon, r)).status()).toBe(401);
      const bad = await call(anon, r, { authorization: "Bearer ssk_not-a-real-token" });
      expect(bad.status()).toBe(401);
      await anon.dispose();
    });

    for (const role of ROLES) {
      test(`${r.method} ${r.path}: ${role} ${allowed(role, r) ? "is allowed" : "is forbidden"}`, async ({ playwright, baseURL }) => {
        const ctx = await playwright.request.newContext({ baseURL });
        const res = await call(ctx, r, { authorization: `Bearer ${tokens.get(role)}` });
        if (!allowed(role, r)) expect(res.status()).toBe(403);
        else if (r.okStatus !== undefined) expect(res.status(), `${role}: ${await res.text()}`).toBe(r.okStatus);
        else expect([401, 403], `${role}: ${await res.text()}`).not.toContain(res.status());
        await ctx.dispose();
      });
    }
  }

  test("a signed-in session cannot be used from another origin (CSRF)", async ({ baseURL }) => {
    const crossSite = await playwrightRequest.newContext({ baseURL, storageState: await admin.storageState(), extraHTTPHeaders: { origin: "http://evil.example" } });
    const res = await crossSite.post(`/api/datasets/${DEMO}/crosstab`, { data: { outcome: "rolled_back", outcome_category: "Yes", segment: "country" } });
    expect(res.status()).toBe(403);
    await crossSite.dispose();
  });
});

type AuditRow = { workspace_id: string | null; actor_email: string | null; action: string; resource_type: string | null; resource_id: string | null; detail: string };

/** Every record is of workspace `w`; the Default admin's are actions performed in `w`. */
function expectOnlyRecordsOf(w: string, records: AuditRow[]) {
  expect(records.length).toBeGreaterThan(0);
  for (const r of records) {
    expect(r.workspace_id, `${r.action} of another trail`).toBe(w);
    if (r.actor_email !== E2E_ADMIN.email) continue;
    const inW = (r.resource_type === "workspace" && r.resource_id === w) || (JSON.parse(r.detail) as { workspaceId?: string }).workspaceId === w;
    expect(inW, `${r.action} by the Default admin outside ${w}`).toBe(true);
  }
}

/**
 * Issue #7: every route of the matrix called by the admin of ANOTHER workspace. The demo dataset
 * is not theirs, so its routes answer 404 (never 200 or 403: not-yours looks like absent) and the
 * workspace-wide routes show nothing of the Default workspace. Sharing the demo with that workspace
 * opens read and aggregate analysis only; unsharing closes it again.
 */
test.describe("route matrix from another workspace", () => {
  let admin: APIRequestContext;
  let foreign: APIRequestContext;
  let workspaceId = "";
  let demoName = "";
  const SHARED: ReadonlySet<Action> = new Set<Action>(["dataset:read", "crosstab:run", "export:aggregate"]);
  const touchesDemo = (r: RouteCall) => r.path.includes(`/${DEMO}`);

  test.beforeAll(async ({ baseURL }) => {
    // the setup project's session: one more sign-in here would trip the per-IP sign-in rate limit
    admin = await playwrightRequest.newContext({ baseURL, storageState: "test-results/.auth/admin.json", extraHTTPHeaders: { origin: baseURL! } });
    demoName = (await (await admin.get(`/api/datasets/${DEMO}`)).json()).name;
    const ws = await admin.post("/api/admin/workspaces", { data: { name: `Foreign ${Date.now()}` } });
    expect(ws.status(), await ws.text()).toBe(201);
    workspaceId = (await ws.json()).workspace.id;
    const email = `foreign-admin-${Date.now()}@e2e.surveyscope.test`;
    const user = await admin.post("/api/admin/users", { data: { email, password: "matrix-password-0123", role: "admin", workspaceId } });
    expect(user.status(), await user.text()).toBe(201);
    const tok = await admin.post("/api/admin/tokens", { data: { email, role: "admin", workspaceId } });
    expect(tok.status(), await tok.text()).toBe(201);
    foreign = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${(await tok.json()).token}` } });
  });

  test.afterAll(async () => {
    await admin.delete(`/api/datasets/${DEMO}/shares?workspace=${workspaceId}`).catch(() => undefined);
    await foreign?.dispose();
    await admin?.dispose();
  });

  for (const r of ROUTES) {
    test(`${r.method} ${r.path}: another workspace's admin ${touchesDemo(r) ? "gets 404" : "sees nothing foreign"}`, async () => {
      const res = await call(foreign, r);
      const text = await res.text();
      if (r.path === "/api/mcp") {
        expect(res.status(), text).toBe(401); // an API token is not an agent credential
        return;
      }
      if (r.method === "DELETE" && r.path.startsWith("/api/admin/workspaces/") && !r.path.includes("/members")) {
        // deleting a workspace needs a signed-in session: every token is refused the same way, before any lookup
        expect(res.status(), text).toBe(403);
        expect(text).not.toContain("no-such-workspace");
        return;
      }
      if (touchesDemo(r)) {
        expect(res.status(), text).toBe(404);
        return;
      }
      expect([401, 403, 500], text).not.toContain(res.status());
      if (r.method !== "GET") return;
      for (const marker of [demoName, `"id":"${DEMO}"`, `"datasetId":"${DEMO}"`]) expect(text, `${r.path} leaks ${marker}`).not.toContain(marker);
      // the Default admin created this workspace, so they are one of its admins: its member lists
      // and its audit trail (actions performed IN it) may name them; nothing else may
      if (r.path === "/api/audit") expectOnlyRecordsOf(workspaceId, JSON.parse(text).records);
      else if (r.path !== "/api/admin/users" && r.path !== "/api/admin/workspaces") expect(text, `${r.path} leaks ${E2E_ADMIN.email}`).not.toContain(E2E_ADMIN.email);
    });
  }

  test("the workspace's audit trail shows what the Default admin did in it (and only that)", async () => {
    const records: AuditRow[] = (await (await foreign.get("/api/audit")).json()).records;
    expectOnlyRecordsOf(workspaceId, records);
    const byDefaultAdmin = records.filter((r) => r.actor_email === E2E_ADMIN.email).map((r) => r.action);
    expect(byDefaultAdmin).toEqual(expect.arrayContaining(["workspaces:create", "users:create", "tokens:create"]));
  });

  test("another workspace cannot administer the Default workspace", async () => {
    expect((await foreign.get("/api/admin/users?workspaceId=default")).status()).toBe(404);
    expect((await foreign.post("/api/admin/workspaces/default/members", { data: { email: E2E_ADMIN.email, role: "viewer" } })).status()).toBe(404);
    expect((await foreign.post("/api/admin/tokens", { data: { email: E2E_ADMIN.email, role: "admin", workspaceId: "default" } })).status()).toBe(404);
    const workspaces = await (await foreign.get("/api/admin/workspaces")).json();
    expect(workspaces.workspaces.map((w: { id: string }) => w.id)).toEqual([workspaceId]);
  });

  test("sharing the demo opens read and aggregate analysis only; unsharing closes it", async () => {
    const share = await admin.post(`/api/datasets/${DEMO}/shares`, { data: { workspace: workspaceId } });
    expect(share.status(), await share.text()).toBe(201);
    expect((await share.json()).shares).toContainEqual(expect.objectContaining({ workspaceId, userId: null }));
    const listed = (await (await foreign.get("/api/datasets")).json()).datasets.map((d: { id: string }) => d.id);
    expect(listed).toContain(DEMO);
    for (const r of ROUTES.filter(touchesDemo)) {
      const res = await call(foreign, r);
      if (r.action !== null && SHARED.has(r.action)) expect([401, 403, 404], `${r.method} ${r.path}: ${await res.text()}`).not.toContain(res.status());
      else expect(res.status(), `${r.method} ${r.path} must stay with the owner`).toBe(403);
    }
    const unshare = await admin.delete(`/api/datasets/${DEMO}/shares?workspace=${workspaceId}`);
    expect(unshare.status(), await unshare.text()).toBe(200);
    expect((await foreign.get(`/api/datasets/${DEMO}`)).status()).toBe(404);
    expect((await (await foreign.get("/api/datasets")).json()).datasets.map((d: { id: string }) => d.id)).not.toContain(DEMO);
  });
});
