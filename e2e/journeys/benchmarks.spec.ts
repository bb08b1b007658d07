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
