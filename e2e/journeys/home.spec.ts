import { expect, test } from "../fixtures";

test("home opens on rollback rate by guardrail maturity with published benchmarks", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /rollback rate by guardrail maturity/i })).toBeVisible();
  const chart = page.getByTestId("headline-chart");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(chart).toContainText(/Fully\s*mature/);
  await expect(page.getByText(/synthetic, calibrated to published figures/i).first()).toBeVisible();
  await expect(page.getByText(/74%/).first()).toBeVisible();
});
