import AxeBuilder from "@axe-core/playwright";
import { request as newRequest, type Browser, type Page } from "@playwright/test";
import { E2E_ADMIN } from "../e2e-admin";
import { expect, test } from "../fixtures";

/**
 * One journey per role: sign in through the form, then open every page the navigation shows, at
 * 1440×900 and 390×844 — no 404, no console error, no serious or critical axe violation. Then the
 * admin journeys: a new user through a one-time link, a password reset, a role change,
 * deactivation (sign-in refused) and deleting a workspace with its typed confirmation.
 * SHOTS=/tmp/dir saves a screenshot of every page at both widths.
 */
const SHOTS = process.env.SHOTS;
const STAMP = `${Date.now()}`;
const PASSWORD = "journey-password-0123";
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

test.use({ storageState: { cookies: [], origins: [] } });

async function adminApi(baseURL: string) {
  const ctx = await newRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const res = await ctx.post("/api/auth/sign-in/email", { data: E2E_ADMIN });
  expect(res.ok(), await res.text()).toBeTruthy();
  return ctx;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
}

/** Sign in and wait until the app shows the signed-in user (the form navigates asynchronously). */
async function signedIn(page: Page, email: string, password: string) {
  await signIn(page, email, password);
  await expect(page.getByTestId("viewer")).toContainText(email);
}

async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
}

/** Visit every nav link at both widths; returns the hrefs visited. */
async function walkNavigation(page: Page, role: string): Promise<string[]> {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  const hrefs = await page.getByRole("navigation", { name: "Main" }).getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    for (const href of hrefs) {
      const res = await page.goto(href);
      expect(res?.status(), `${role} ${href}`).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText("This page or dataset does not exist")).toHaveCount(0);
      await page.waitForLoadState("networkidle");
      expect(await seriousViolations(page), `${role} ${href} at ${vp.width}px`).toEqual([]);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/${role}${href.replace(/\//g, "_") || "_home"}-${vp.width}.png`, fullPage: true });
    }
  }
  expect(errors, "console errors").toEqual([]);
  return hrefs;
}

async function newMember(baseURL: string, role: "viewer" | "analyst" | "researcher") {
  const api = await adminApi(baseURL);
  const email = `${role}-journey-${STAMP}@e2e.surveyscope.test`;
  const made = await api.post("/api/admin/users", { data: { email, password: PASSWORD, role } });
  expect(made.status(), await made.text()).toBe(201);
  await api.dispose();
  return email;
}

const EXPECTED: Record<string, string[]> = {
  viewer: ["/", "/dashboards", "/benchmarks"],
  analyst: ["/", "/dashboards", "/datasets", "/analyze", "/benchmarks"],
  researcher: ["/", "/dashboards", "/datasets", "/analyze", "/benchmarks"],
};

for (const role of ["viewer", "analyst", "researcher"] as const) {
  test(`a ${role} signs in and reaches every page they are shown`, async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const email = await newMember(baseURL!, role);
    await signIn(page, email, PASSWORD);
    await expect(page.getByTestId("viewer")).toContainText(email);
    expect(await walkNavigation(page, role)).toEqual(EXPECTED[role]);
    if (role === "viewer") {
      await page.goto("/");
      await expect(page.getByRole("link", { name: /Open in Analyze/ })).toHaveCount(0);
    }
  });
}

test("an admin signs in and reaches every page they are shown", async ({ page }) => {
  test.setTimeout(180_000);
  await signedIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  const hrefs = await walkNavigation(page, "admin");
  expect(hrefs).toEqual(expect.arrayContaining(["/", "/dashboards", "/datasets", "/analyze", "/benchmarks", "/admin", "/audit"]));
});

async function adminPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]).catch(() => undefined);
  const page = await context.newPage();
  await signedIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto("/admin");
  return { context, page };
}

async function setPassword(browser: Browser, url: string, password: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel("New password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is set");
  // the link works once (a fresh load: the same URL with only a fragment would not reload the page)
  await page.goto("about:blank");
  await page.goto(url);
  await expect(page.getByText("This link is invalid, was already used or has expired")).toBeVisible();
  await context.close();
}

test("admin: create a user, copy the invitation link, the invitee sets a password and signs in; change role; reset; deactivate", async ({ browser }) => {
  test.setTimeout(180_000);
  const { context, page } = await adminPage(browser);
  const email = `new-exec-${STAMP}@e2e.surveyscope.test`;
  const form = page.getByTestId("create-user");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Create and get link" }).click();
  const link = form.getByTestId("one-time-link");
  await expect(link).toBeVisible();
  await link.getByRole("button", { name: "Copy link" }).click();
  await expect(link.getByRole("button", { name: "Copied" })).toBeVisible();
  const url = await link.getByRole("textbox").inputValue();
  expect(url).toMatch(/\/set-password#sal_/);
  await setPassword(browser, url, PASSWORD);

  const invitee = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const ip = await invitee.newPage();
  await signedIn(ip, email, PASSWORD);

  // change role: viewer → analyst (the member's row in Default)
  await page.reload();
  const row = page.getByTestId("workspace-default").getByTestId("member").filter({ hasText: email });
  await row.getByLabel(`Role of ${email}`).selectOption("analyst");
  await expect(row.getByRole("status")).toContainText("is now analyst");
  await ip.goto("/");
  await expect(ip.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Datasets" })).toBeVisible();

  // reset password: a one-time link; using it signs the user out everywhere
  await row.getByRole("button", { name: "Reset password" }).click();
  const reset = row.getByTestId("one-time-link");
  await expect(reset).toBeVisible();
  await setPassword(browser, await reset.getByRole("textbox").inputValue(), `${PASSWORD}-new`);
  await ip.goto("/dashboards");
  await expect(ip).toHaveURL(/\/sign-in/);

  // deactivate: sign-in refused
  await page.reload();
  await page.getByTestId("workspace-default").getByTestId("member").filter({ hasText: email }).getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByTestId("workspace-default").getByTestId("member").filter({ hasText: email })).toContainText("deactivated");
  await signIn(ip, email, `${PASSWORD}-new`);
  // refused: the form shows an error and the browser stays on the sign-in page
  await expect(ip.getByRole("alert").filter({ hasText: /deactivated|failed|wrong/i })).toBeVisible();
  await expect(ip).toHaveURL(/\/sign-in/);
  expect((await ip.request.get("/api/me")).status()).toBe(401);
  await invitee.close();
  await context.close();
});

test("admin: delete a workspace after typing its name", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const api = await adminApi(baseURL!);
  const name = `Doomed ${STAMP}`;
  const ws = await api.post("/api/admin/workspaces", { data: { name } });
  expect(ws.status()).toBe(201);
  const id = (await ws.json()).workspace.id as string;
  await api.dispose();
  const { context, page } = await adminPage(browser);
  const card = page.getByTestId(`workspace-${id}`);
  await card.getByRole("button", { name: "Delete workspace…" }).click();
  const confirm = card.getByTestId("delete-workspace");
  const submit = confirm.getByRole("button", { name: "Delete workspace and its data" });
  await expect(submit).toBeDisabled();
  await confirm.getByLabel(/to confirm/).fill(name.slice(0, -1));
  await expect(submit).toBeDisabled();
  await confirm.getByLabel(/to confirm/).fill(name);
  await submit.click();
  await expect(page.getByTestId(`workspace-${id}`)).toHaveCount(0);
  await page.goto(`/audit?action=workspaces:delete`);
  await expect(page.getByTestId("audit-table")).toContainText(id);
  await context.close();
});
