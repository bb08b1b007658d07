import { expect, test } from "../fixtures";

test.describe("insights journey", () => {
  test("key drivers of rollback put guardrail maturity on top, and a difference opens its breakdown", async ({ page }) => {
    await page.goto("/datasets/ai-agents-production/insights");
    await expect(page.getByRole("heading", { name: "Insights", exact: true })).toBeVisible();

    // the ranked driver model: guardrail maturity among the top three, with its model base
    const drivers = page.getByTestId("insight-drivers");
    await expect(drivers).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId("driver-model-n")).toContainText(/Model n = [\d,]+ · [\d,]+ excluded/);
    const top = (await page.getByTestId("driver-row").allTextContents()).slice(0, 3);
    expect(top.some((t) => /guardrail_maturity/.test(t)), `top drivers: ${top.join(" | ")}`).toBe(true);
    await expect(page.getByTestId("driver-chart")).toContainText("describe the maturity of your organisation's AI guardrails"); // the full question, wrapped
    await expect(page.getByTestId("driver-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("drivers-r-script")).toContainText("svyglm(", { useInnerText: false });

    // the differences: FDR-controlled findings, or near misses clearly flagged as such
    const findings = page.getByTestId("insight-findings");
    await expect(findings).toBeVisible({ timeout: 30_000 });
    await expect(findings).toContainText(/Benjamini–Hochberg at q = 0\.05/);
    const link = findings.getByTestId("insight-link").first();
    await expect(link).toContainText(/Fully mature: rollback \d+% vs \d+% for \w+, \+\d+ pts, p [=<] 0\.\d+, n = [\d,]+/);
    await link.click();

    await page.waitForURL(/\/datasets\/ai-agents-production\/analyze\?.*segment=guardrail_maturity/);
    expect(page.url()).toMatch(/outcome=rolled_back/);
    expect(page.url()).toMatch(/f\.agent_status=Live\+in\+production|f\.agent_status=Live%20in%20production/);
    const table = page.getByTestId("breakdown-table");
    await expect(table).toBeVisible();
    await expect(table.getByRole("row").filter({ hasText: "Fully mature" })).toBeVisible();
  });

  test("the insights API answers with the error envelope", async ({ request, baseURL }) => {
    const headers = { origin: baseURL! }; // a signed-in session writes only from the app's own origin
    const missing = await request.post("/api/datasets/no-such-dataset/insights", { data: { outcome: "x", outcome_category: "Yes" }, headers });
    expect(missing.status()).toBe(404);
    const bad = await request.post("/api/datasets/ai-agents-production/drivers", { data: { outcome: "rolled_back" }, headers });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.message).toMatch(/outcome_category/);
  });
});
