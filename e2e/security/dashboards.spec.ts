import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import JSZip from "jszip";
import fs from "node:fs";
import { expect, fixture, test } from "../fixtures";
import { E2E_ADMIN } from "../e2e-admin";

const DEMO = "ai-agents-production";
const K = 5;

// Cross-workspace isolation is also tested at the repository level (lib/views/repo.test.ts).
test.describe("dashboards for executives (viewer role)", () => {
  let admin: APIRequestContext;
  let viewer: APIRequestContext;
  let viewerToken: string;
  const viewerLogin = { email: `exec-${Date.now()}@e2e.surveyscope.test`, password: "exec-password-0123456" };
  let dashboardId: string;

  test.beforeAll(async ({ baseURL }) => {
    admin = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
    expect((await admin.post("/api/auth/sign-in/email", { data: E2E_ADMIN })).ok()).toBeTruthy();
    expect((await admin.post("/api/admin/users", { data: { ...viewerLogin, role: "executive" } })).status()).toBe(201);
    const tok = await admin.post("/api/admin/tokens", { data: { email: viewerLogin.email, role: "viewer" } });
    viewerToken = (await tok.json()).token;
    viewer = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${viewerToken}` } });

    // a view whose small segments must stay hidden (country × a narrow filter), and a dashboard
    const view = await admin.post("/api/views", {
      data: { datasetId: DEMO, name: "Rollback by country (live)", query: "outcome=rolled_back&category=Yes&segment=country&f.agent_status=Live in production" },
    });
    expect(view.status(), await view.text()).toBe(201);
    const dash = await admin.post("/api/dashboards", { data: { name: "Exec security check", tiles: [{ viewId: (await view.json()).view.id, size: "full" }] } });
    expect(dash.status(), await dash.text()).toBe(201);
    dashboardId = (await dash.json()).dashboard.id;
  });

  test("a viewer reads the dashboard (protected aggregates only) but not the dataset", async () => {
    const res = await viewer.get(`/api/dashboards/${dashboardId}`);
    expect(res.status(), await res.text()).toBe(200);
    const body = await res.json();
    expect(body.tiles).toHaveLength(1);
    expect(body.tiles[0].status).toBe("ready");
    expect(body.tiles[0].analyzeHref).toBeNull();
    for (const d of body.tiles[0].chart) expect(d.n).toBeGreaterThanOrEqual(K);
    expect(JSON.stringify(body)).not.toMatch(/respondent_id|"R\d{5}"/);

    expect((await viewer.get(`/api/datasets/${DEMO}`)).status()).toBe(403);
    expect((await viewer.post(`/api/datasets/${DEMO}/crosstab`, { data: { outcome: "rolled_back", outcome_category: "Yes", segment: "country" } })).status()).toBe(403);
    expect((await viewer.get(`/api/views?dataset=${DEMO}`)).status()).toBe(403);
    expect((await viewer.put(`/api/dashboards/${dashboardId}`, { data: { name: "hijack", tiles: [] } })).status()).toBe(403);

    const deck = await viewer.get(`/api/dashboards/${dashboardId}/deck`);
    expect(deck.status()).toBe(200);
    const zip = await JSZip.loadAsync(await deck.body());
    expect(Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(2); // a cover, then the one tile

    // on the record: who viewed and exported which dashboard (no cell values)
    for (const action of ["view:save", "dashboard:create", "dashboard:view", "dashboard:deck"]) {
      const audit = await (await admin.get(`/api/audit?action=${action}`)).json();
      const mine = (audit.records as { resource_id: string | null; actor_email: string | null }[]).filter((r) => action.startsWith("view") || r.resource_id === dashboardId);
      expect(mine.length, action).toBeGreaterThan(0);
    }
    const views = (await (await admin.get("/api/audit?action=dashboard:deck")).json()).records as { actor_email: string; resource_id: string; detail: string }[];
    const deckRecord = views.find((r) => r.resource_id === dashboardId && r.actor_email === viewerLogin.email)!;
    expect(deckRecord).toBeTruthy();
    expect(deckRecord.detail).not.toMatch(/\d+\.\d%/);
  });

  test("the same dashboard: the owner sees its small groups exactly, an executive sees them protected (API and page)", async ({ page, baseURL }) => {
    const up = await admin.post("/api/datasets?name=owner%20vs%20viewer&fileName=small-cells-survey.csv", {
      data: fs.readFileSync(fixture("csv-edge-cases", "generated", "small-cells-survey.csv")),
      headers: { "content-type": "application/octet-stream" },
    });
    expect(up.status(), await up.text()).toBe(201);
    const ds = await up.json();
    const view = await admin.post("/api/views", { data: { datasetId: ds.id, name: "Legal score by tenure", query: "outcome=q1_score&category=__mean&segment=tenure&f.department=Legal" } });
    expect(view.status(), await view.text()).toBe(201);
    const dash = await admin.post("/api/dashboards", { data: { name: "Owner vs viewer", tiles: [{ viewId: (await view.json()).view.id, size: "full" }] } });
    const id = (await dash.json()).dashboard.id;

    // owner (the admin who uploaded it): every group, the one-person group included, no "< k"
    const own = (await (await admin.get(`/api/dashboards/${id}`)).json()).tiles[0];
    expect(own.status).toBe("ready");
    expect(own.hiddenCount).toBe(0);
    expect(own.chart.some((d: { n: number }) => d.n > 0 && d.n < K)).toBe(true);
    // executive: nothing under k, the small group hidden and said so
    const theirs = (await (await viewer.get(`/api/dashboards/${id}`)).json()).tiles[0];
    expect(theirs.status).toBe("ready");
    expect(theirs.hiddenCount).toBeGreaterThan(0);
    // nothing with 1..k−1 respondents (an empty group, n = 0, is not small)
    for (const d of theirs.chart) expect(d.n === 0 || d.n >= K, `n = ${d.n}`).toBe(true);
    expect(theirs.baseNote).toMatch(/hidden/);

    const signIn = await page.request.post("/api/auth/sign-in/email", { data: viewerLogin, headers: { origin: baseURL! } });
    expect(signIn.ok()).toBeTruthy();
    await page.goto(`/dashboards/${id}`);
    await expect(page.getByTestId("dashboard-tile").first()).toHaveAttribute("data-status", "ready");
    await expect(page.getByTestId("dashboard-tile").first()).toContainText(/hidden/);
    expect((await admin.delete(`/api/datasets/${ds.id}`)).status()).toBe(204);
  });

  test("unknown and malformed dashboard ids answer 404 like another workspace's", async () => {
    for (const id of ["d-0000000000000000", "no-such-dashboard", "..%2Fadmin"]) {
      expect((await viewer.get(`/api/dashboards/${id}`)).status()).toBe(404);
    }
  });

  test("a member of another workspace gets 404 for the dashboard and its views", async () => {
    const ws = await admin.post("/api/admin/workspaces", { data: { name: `Other ${Date.now()}` } });
    test.skip(ws.status() === 404, "no workspace admin API in this build");
    expect(ws.status(), await ws.text()).toBe(201);
    const other = { "x-surveyscope-workspace": (await ws.json()).workspace.id };
    const dash = await admin.get(`/api/dashboards/${dashboardId}`, { headers: other });
    expect(dash.status()).toBe(404);
    expect((await admin.get(`/api/dashboards/${dashboardId}/deck`, { headers: other })).status()).toBe(404);
    expect((await admin.put(`/api/dashboards/${dashboardId}`, { headers: other, data: { name: "x", tiles: [] } })).status()).toBe(404);
    const mine = (await (await admin.get("/api/dashboards")).json()).dashboards as { id: string }[];
    expect(mine.some((d) => d.id === dashboardId)).toBe(true);
    const theirs = (await (await admin.get("/api/dashboards", { headers: other })).json()).dashboards as { id: string }[];
    expect(theirs.some((d) => d.id === dashboardId)).toBe(false);
    // and the same dashboard as seen from its own workspace is still there
    expect((await admin.get(`/api/dashboards/${dashboardId}`)).status()).toBe(200);
  });

  test("in the browser, the viewer sees the charts without analysis links, and the analyze page is closed", async ({ page, baseURL }) => {
    const signIn = await page.request.post("/api/auth/sign-in/email", { data: viewerLogin, headers: { origin: baseURL! } });
    expect(signIn.ok(), await signIn.text()).toBeTruthy();
    await page.goto(`/dashboards/${dashboardId}`);
    const tile = page.getByTestId("dashboard-tile").first();
    await expect(tile).toHaveAttribute("data-status", "ready");
    await expect(tile.locator("figure")).toBeVisible();
    await expect(page.getByRole("link", { name: /Open in analysis/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Edit layout" })).toHaveCount(0);
    const analyze = await page.goto(`/datasets/${DEMO}/analyze`);
    expect(analyze?.status()).toBe(404);
  });

  test("a tile whose dataset was deleted says so instead of failing", async () => {
    const up = await admin.post("/api/datasets?name=doomed&fileName=doomed.csv", { data: Buffer.from("q,seg\nyes,a\nno,b\nyes,a\nno,b\n"), headers: { "content-type": "application/octet-stream" } });
    expect(up.status(), await up.text()).toBe(201);
    const ds = await up.json();
    const view = await admin.post("/api/views", { data: { datasetId: ds.id, name: "Doomed", query: "outcome=q&category=yes&segment=seg" } });
    expect(view.status(), await view.text()).toBe(201);
    const dash = await admin.post("/api/dashboards", { data: { name: "Doomed dashboard", tiles: [{ viewId: (await view.json()).view.id }] } });
    const id = (await dash.json()).dashboard.id;
    expect((await admin.delete(`/api/datasets/${ds.id}`)).status()).toBe(204);
    const res = await admin.get(`/api/dashboards/${id}`);
    expect(res.status()).toBe(200);
    expect((await res.json()).tiles[0]).toMatchObject({ status: "unavailable", reason: "dataset" });

    // a deleted saved view: the tile says so; the viewer role cannot delete views
    const v2 = (await (await admin.post("/api/views", { data: { datasetId: DEMO, name: "Short-lived", query: "outcome=rolled_back&category=Yes&segment=industry" } })).json()).view;
    const d2 = (await (await admin.post("/api/dashboards", { data: { name: "Short-lived dashboard", tiles: [{ viewId: v2.id }] } })).json()).dashboard;
    expect((await viewer.delete(`/api/views/${v2.id}`)).status()).toBe(403);
    expect((await admin.delete(`/api/views/${v2.id}`)).status()).toBe(204);
    expect((await admin.get(`/api/views/${v2.id}`)).status()).toBe(404);
    expect((await (await admin.get(`/api/dashboards/${d2.id}`)).json()).tiles[0]).toMatchObject({ status: "unavailable", reason: "view" });
  });
});
