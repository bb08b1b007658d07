import AxeBuilder from "@axe-core/playwright";
import { expect, memberWithToken, test } from "../fixtures";

const SHOTS = process.env.SHOTS;

test.describe("benchmark explorer", () => {
  test("browse a topic, then compare the fully mature segment with Sinch's 81%", async ({ page }) => {
    await page.goto("/benchmarks?topic=guardrails");
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { name: "Benchmarks" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Guardrails and governance/ })).toHaveAttribute("aria-current", "page");

    const figure = page.getByTestId("benchmark-sinch-rollback-fully-mature");
    await expect(figure).toContainText("81%");
    await expect(figure).toContainText(/n not published/);
    await expect(figure.getByRole("link", { name: /Sinch/ })).toHaveAttribute("href", /^https:\/\//);

    await figure.getByTestId("compare-toggle-sinch-rollback-fully-mature").click();
    // the curated reading is preselected; suggestions are ranked by how well their wording matches
    await expect(figure.getByTestId("compare-suggestions")).toContainText(/rolled back/i);
    await expect(figure.getByLabel("Question")).toHaveValue("rolled_back");
    await expect(figure.getByLabel("Answer counted")).toHaveValue("Yes");
    await expect(figure.getByLabel("Column")).toHaveValue("Fully mature");
    await figure.getByTestId("compare-run").click();

    const result = figure.getByTestId("compare-result");
    await expect(result).toBeVisible();
    await expect(result.getByTestId("compare-own")).toContainText(/\d+\.\d% ± \d+\.\d%/);
    await expect(result.getByTestId("compare-published")).toContainText(/81\.0% — margin of error not available \(published base unknown\)/);
    await expect(result.getByTestId("compare-test")).toContainText(/published base unknown — margin of error and test not available/i);
    await expect(result.getByTestId("compare-caveats")).toContainText(/Different questions and populations/);
    await expect(result.getByTestId("compare-caveats")).toContainText(/Synthetic demo data/);
    await expect(result.locator(".recharts-bar-rectangle")).toHaveCount(2);

    // the open comparison is accessible too
    const { violations } = await new AxeBuilder({ page }).include(`[data-testid="benchmark-sinch-rollback-fully-mature"]`).withTags(["wcag2a", "wcag2aa"]).analyze();
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(bad, bad.join("\n")).toEqual([]);
    if (SHOTS) {
      await figure.screenshot({ path: `${SHOTS}/compare-1440.png` });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      await figure.screenshot({ path: `${SHOTS}/compare-390.png` });
    }
  });

  test("a figure with a published base gets a z test and a p-value", async ({ page }) => {
    await page.goto("/benchmarks?topic=production");
    await page.waitForLoadState("networkidle");
    const figure = page.getByTestId("benchmark-sinch-live-production");
    await figure.getByTestId("compare-toggle-sinch-live-production").click();
    await expect(figure.getByLabel("Question")).toHaveValue("agent_status");
    await figure.getByLabel("Column").selectOption("Total");
    await figure.getByTestId("compare-run").click();
    const result = figure.getByTestId("compare-result");
    await expect(result.getByTestId("compare-published")).toContainText(/62\.0% ± \d\.\d%.*n = 2,527/);
    await expect(result.getByTestId("compare-test")).toContainText(/z = -?\d+\.\d\d, p [=<] 0\.\d+ \(two-sided\)/);
    await expect(result.getByTestId("compare-verdict")).toContainText(/Sinch's 62%/);

    // on the audit trail: which figure and breakdown, never the numbers
    const audit = await (await page.request.get("/api/audit?action=benchmark:compare")).json();
    const rec = audit.records.find((r: { detail: string }) => r.detail.includes("sinch-live-production"));
    expect(rec, JSON.stringify(audit.records.slice(0, 3))).toBeTruthy();
    expect(rec.detail).toContain('"outcome":"agent_status"');
    expect(rec.detail).not.toMatch(/0\.\d{3}/);
  });

  test("the API refuses a hidden small cell to an aggregate-only analyst and explains why", async ({ request, baseURL }) => {
    // Singapore C-suite × the earliest guardrail level among the few who rolled back for auditability is tiny
    const analyst = await memberWithToken(request, baseURL!, "analyst");
    const res = await analyst.request.post("/api/datasets/ai-agents-production/benchmark-compare", {
      data: {
        benchmarkId: "sinch-cause-auditability",
        column: "Early",
        spec: { outcome: "rollback_cause", outcome_category: "Lack of auditability", segment: "guardrail_maturity", filters: { country: ["Singapore"], role: ["C-suite"] } },
      },
    });
    expect(res.status(), await res.text()).toBe(422);
    expect((await res.json()).error.message).toMatch(/hidden by small-cell protection/);
  });

  test("a figure nothing matches preselects no question; a weak pick is warned and needs an acknowledgement", async ({ page }) => {
    await page.goto("/benchmarks?topic=investment");
    await page.waitForLoadState("networkidle");
    // Dataiku's CIO budget-cut expectation: no demo question measures it
    const figure = page.getByTestId("benchmark-dataiku-cio-budget-cut-risk");
    await figure.getByTestId("compare-toggle-dataiku-cio-budget-cut-risk").click();
    await expect(figure.getByLabel("Question")).toHaveValue("");
    await expect(figure.getByTestId("compare-run")).toBeDisabled();
    // the old default (the newest dataset's first question) is now a weak match: warned, and refused until acknowledged
    await figure.getByLabel("Dataset").selectOption("ai-agents-production");
    await figure.getByLabel("Question").selectOption("country");
    await expect(figure.getByTestId("compare-precheck")).toContainText(/Weak match: .*question country/);
    await expect(figure.getByTestId("compare-run")).toBeDisabled();
    await figure.getByTestId("compare-acknowledge").check();
    await figure.getByTestId("compare-run").click();
    const result = figure.getByTestId("compare-result");
    await expect(result.getByTestId("compare-verdict")).toContainText(/^Not like-for-like — /);
    await expect(result.getByTestId("compare-warnings")).toContainText(/Weak match/);
  });

  test("a suggestion with a segment level reads that column; a Total reading of a country figure is warned about its base", async ({ page }) => {
    await page.goto("/benchmarks?topic=production");
    await page.waitForLoadState("networkidle");
    const figure = page.getByTestId("benchmark-sinch-us-live");
    await figure.getByTestId("compare-toggle-sinch-us-live").click();
    await expect(figure.getByLabel("Column")).toHaveValue("United States");
    await expect(figure.getByTestId("compare-precheck")).toHaveCount(0);
    await figure.getByLabel("Column").selectOption("Total");
    await expect(figure.getByTestId("compare-precheck")).toContainText(/Different base: the published figure is among respondents in the United States; your estimate is among all respondents/);
    await figure.getByTestId("compare-run").click();
    await expect(figure.getByTestId("compare-warnings")).toContainText(/Different base/);
    await expect(figure.getByTestId("compare-definition")).toContainText(/Wording match \d+% \((strong|possible)\)/);
  });

  test("the API refuses a mismatched kind or an unacknowledged weak match with a 422 naming it, and no respondent numbers", async ({ request, baseURL }) => {
    const headers = { origin: baseURL! };
    const spec = { outcome: "role", outcome_category: "C-suite", segment: "country" };
    const weak = await request.post("/api/datasets/ai-agents-production/benchmark-compare", { headers, data: { benchmarkId: "sinch-rollback-shipped", column: "Total", spec } });
    expect(weak.status(), await weak.text()).toBe(422);
    const body = await weak.json();
    expect(body.error.message).toMatch(/^Weak match: .*question role \(match \d+%\).*Closest questions: rolled_back = Yes/);
    expect(JSON.stringify(body)).not.toMatch(/0\.\d{3}|\d+\.\d%/);
    const kind = await request.post("/api/datasets/ai-agent-identity/benchmark-compare", {
      headers,
      data: { benchmarkId: "akeyless-detect-hours", column: "Total", acknowledgeMismatch: true, spec: { outcome: "suspect_out_of_scope", outcome_category: "Yes", segment: "industry" } },
    });
    expect(kind.status(), await kind.text()).toBe(422);
    expect((await kind.json()).error.message).toMatch(/^Different kind: akeyless-detect-hours is a mean of a number \(hours\)/);
    const ok = await request.post("/api/datasets/ai-agents-production/benchmark-compare", { headers, data: { benchmarkId: "sinch-rollback-shipped", column: "Total", acknowledgeMismatch: true, spec } });
    expect(ok.status()).toBe(200);
    expect((await ok.json()).match.warnings.join(" ")).toMatch(/Weak match/);
  });

  test("search across topics by words, source and country; chart a series with its bases and sources, at 1440 and 390 px", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/benchmarks?topic=guardrails");
    await page.waitForLoadState("networkidle");
    await page.getByTestId("benchmark-search").fill("live in production");
    await expect(page.getByTestId("benchmark-count")).toContainText(/figures? match, across all topics/);
    await expect(page.getByTestId("benchmark-sinch-brazil-live")).toBeVisible();
    await expect(page).toHaveURL(/q=live\+in\+production/);
    await page.getByLabel("Country or industry").selectOption("brazil");
    await expect(page.getByTestId("benchmark-sinch-us-live")).toHaveCount(0);
    await page.getByRole("button", { name: "Clear" }).click();
    await page.getByLabel("Source").selectOption("Sinch");
    await expect(page.getByTestId("benchmark-count")).toContainText("38 figures match");

    // keyboard: the chart button of a figure in a series moves focus to the chart
    const button = page.getByTestId("chart-series-sinch-us-live");
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("series-picker")).toHaveValue("sinch-live-by-country");
    const chart = page.getByTestId("series-chart");
    await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(3);
    await expect(chart.getByTestId("series-notes")).toContainText(/Base for Brazil: Respondents in Brazil/);
    await expect(chart.getByTestId("series-notes").getByRole("link").first()).toHaveAttribute("href", /^https:\/\//);
    await expect(chart.locator("[data-chart-focus]")).toHaveAttribute("aria-label", /by country/);
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="series-chart"]').include('form[role="search"]').withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/benchmarks-1440.png`, fullPage: false });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    if (SHOTS) await chart.screenshot({ path: `${SHOTS}/series-390.png` });
  });

  test("a viewer (executive) sees the figures but no compare control", async ({ browser, baseURL }) => {
    const admin = await browser.newContext();
    const email = `exec-${Date.now()}@e2e.surveyscope.test`;
    const made = await admin.request.post("/api/admin/users", { data: { email, password: "viewer-password-0123", role: "viewer" }, headers: { origin: baseURL! } });
    expect(made.status(), await made.text()).toBe(201);
    await admin.close();
    const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const signIn = await ctx.request.post("/api/auth/sign-in/email", { data: { email, password: "viewer-password-0123" }, headers: { origin: baseURL! } });
    expect(signIn.ok(), await signIn.text()).toBe(true);
    const page = await ctx.newPage();
    await page.goto("/benchmarks?topic=rollback");
    await expect(page.getByTestId("benchmark-sinch-rollback-shipped")).toContainText("74%");
    await expect(page.getByRole("button", { name: "Compare with my data" })).toHaveCount(0);
    await expect(page.getByText(/needs the analyst role/)).toBeVisible();
    await ctx.close();
  });
});
