import type { Page } from "@playwright/test";
import { expect, fixture, test } from "../fixtures";

const AUTH_STATE = "test-results/.auth/admin.json";
const DEMO = "ai-agents-production";
const ANALYZE = `/datasets/${DEMO}/analyze?outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight`;

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

function nonceOf(csp: string | undefined): string {
  const m = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "");
  expect(m, `no nonce in CSP: ${csp}`).not.toBeNull();
  return m![1];
}

/** Collect CSP violations from both the console and the securitypolicyviolation event. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|evaluate|load|apply|connect|frame)/i.test(msg.text())) violations.push(`console: ${msg.text()}`);
  });
  await page.exposeFunction("__reportCsp", (v: string) => violations.push(`event: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return violations;
}

test.describe("security headers (anonymous)", () => {
  test("a page carries the strict CSP with a fresh nonce, and Next's scripts carry that nonce", async ({ request }) => {
    const a = await request.get("/sign-in");
    expect(a.status()).toBe(200);
    const csp = a.headers()["content-security-policy"];
    for (const d of [
      "default-src 'self'",
      "'strict-dynamic'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ]) {
      expect(csp).toContain(d);
    }
    expect(csp).not.toContain("unsafe-eval");
    const nonce = nonceOf(csp);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(a.headers()[k], k).toBe(v);
    expect(a.headers()["permissions-policy"]).toContain("camera=()");

    const html = await a.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, "every script tag carries the request's nonce").toContain(`nonce="${nonce}"`);

    const b = await request.get("/sign-in");
    expect(nonceOf(b.headers()["content-security-policy"])).not.toBe(nonce);
  });

  test("a page without a session cookie is redirected to sign-in, keeping where it was going", async ({ request }) => {
    const res = await request.get("/datasets?tab=mine", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    const loc = new URL(res.headers()["location"], "http://x.invalid");
    expect(loc.pathname).toBe("/sign-in");
    expect(loc.searchParams.get("next")).toBe("/datasets?tab=mine");
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(res.headers()[k], k).toBe(v);
  });

  test("x-middleware-subrequest does not skip anything (C35)", async ({ playwright, baseURL }) => {
    const anon = await playwright.request.newContext({ baseURL });
    for (const value of [
      "middleware:middleware:middleware:middleware:middleware",
      "proxy:proxy:proxy:proxy:proxy",
      "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
      "pages/_middleware",
    ]) {
      const headers = { "x-middleware-subrequest": value };
      expect((await anon.get("/api/datasets", { headers })).status(), value).toBe(401);
      expect((await anon.get(`/api/datasets/${DEMO}`, { headers })).status(), value).toBe(401);
      expect((await anon.post("/api/datasets?name=bypass", { headers: { ...headers, "content-type": "text/csv" }, data: "q\n1\n" })).status(), value).toBe(401);
      const page = await anon.get("/datasets", { headers, maxRedirects: 0 });
      expect(page.status(), value).toBe(307);
      expect(page.headers()["location"]).toContain("/sign-in");
    }
    await anon.dispose();
  });

  test("API JSON is nosniff and never kept by a shared cache", async ({ request }) => {
    const res = await request.get("/api/datasets");
    expect(res.status()).toBe(401);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["cache-control"]).toBe("private, no-store");
  });

  test("the sign-in page loads without a CSP violation", async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto("/sign-in");
    await expect(page.getByRole("button", { name: /sign in/i })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(violations).toEqual([]);
  });
});

test.describe("no CSP violation while the app works (signed in)", () => {
  test.use({ storageState: AUTH_STATE });

  test("home, analyze (with its chart) and datasets load, and an upload goes through", async ({ page }) => {
    const violations = await watchCsp(page);

    const home = await page.goto("/");
    expect(home?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
    await expect(page.getByRole("heading", { name: "Home" })).toBeVisible();
    await page.waitForLoadState("networkidle");

    await page.goto(ANALYZE);
    const result = page.getByTestId("breakdown-result");
    await expect(result).toBeVisible();
    // the chart rendered (recharts draws an SVG surface): hydration ran under the CSP
    await expect(result.locator("figure svg").first()).toBeVisible();
    await page.waitForLoadState("networkidle");

    await page.goto("/datasets");
    await expect(page.getByRole("heading", { name: "Datasets" })).toBeVisible();
    await page.getByTestId("upload-input").setInputFiles(fixture("datasets", "vendor-exports", "surveymonkey", "fivethirtyeight-masculinity-raw-responses.csv"));
    await page.waitForURL(/\/datasets\/fivethirtyeight-masculinity/, { timeout: 60_000 });
    await expect(page.getByTestId("import-summary")).toContainText("1,615 respondents");
    await page.waitForLoadState("networkidle");

    expect(violations).toEqual([]);
  });

  test("an injected inline handler does not run (the CSP is enforced, not just sent)", async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto("/datasets");
    await expect(page.getByRole("heading", { name: "Datasets" })).toBeVisible();
    // the classic stored-XSS shape: markup with an inline event handler reaching innerHTML
    await page.evaluate(() => {
      const div = document.createElement("div");
      div.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected = true">';
      document.body.appendChild(div);
    });
    await expect.poll(() => violations.some((v) => /script-src/.test(v))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected ?? false)).toBe(false);
  });
});
