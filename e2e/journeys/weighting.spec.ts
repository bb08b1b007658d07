import { expect, test } from "../fixtures";

test("build a rim weight on the demo data, read its report and use it in a breakdown", async ({ page }) => {
  await page.goto("/datasets/ai-agents-production/weighting");
  await page.waitForLoadState("networkidle");
  await page.getByRole("checkbox", { name: "company_size" }).check();
  const targets = page.getByTestId("targets-company_size");
  await targets.getByLabel("Target for company_size = 1,000–4,999 employees").fill("50");
  await targets.getByLabel("Target for company_size = 5,000+ employees").fill("50");
  await expect(targets).toContainText("Targets sum to 100.0%");

  await page.getByRole("button", { name: "Preview" }).click();
  const report = page.getByTestId("weighting-report");
  await expect(report).toContainText("converged");
  await expect(report.getByRole("row").filter({ hasText: "company_size = 5,000+ employees" })).toContainText("50.0%");

  await page.getByLabel("Weight name").fill("size 50-50");
  await page.getByRole("button", { name: "Save as new weight" }).click();
  await expect(page.getByRole("status")).toContainText("weight_size_50_50");
  await page.getByRole("link", { name: "Use it in a breakdown" }).click();
  await page.waitForURL(/\/analyze\?weight=weight_size_50_50/);
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Weight", { exact: true })).toHaveValue("weight_size_50_50");
  await page.getByLabel("Outcome").selectOption("company_size");
  await page.getByLabel("Segment").selectOption("country");
  const total = page.getByTestId("breakdown-table").getByRole("row").filter({ hasText: "Total" });
  // weighted to 50/50, the first size band is half of the total
  await expect(total.getByRole("cell").nth(1)).toHaveText("50.0%");
});

test("a JSON scheme with a target category absent from the data gets a clear message", async ({ page }) => {
  await page.goto("/datasets/ai-agents-production/weighting");
  await page.waitForLoadState("networkidle");
  await page.getByText(/Advanced: any scheme as JSON/).click();
  const scheme = { method: "rake", targets: { company_size: { "1,000–4,999 employees": 0.5, "5,000+ employees": 0.3, Atlantis: 0.2 } } };
  await page.getByLabel("Scheme JSON").fill(JSON.stringify(scheme));
  await page.getByRole("button", { name: "Preview JSON scheme" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Weighting failed" })).toContainText(/Atlantis/);
});
