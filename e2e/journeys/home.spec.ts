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

test("the executive dashboard shows live-in-production by country and industry, and the causes of rollback, each with its base and sources", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Executive dashboard" })).toBeVisible();
  for (const id of ["live-by-country", "live-by-industry", "rollback-causes"]) {
    const card = page.getByTestId(`home-panel-${id}`);
    await expect(card.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(card).toContainText(/n = [\d,]+ .*weighted/);
  }
  const country = page.getByTestId("home-panel-live-by-country");
  await expect(country).toContainText("Brazil");
  await expect(country).toContainText(/Sinch: .*\(62%\)/);
  await expect(page.getByTestId("home-panel-live-by-industry")).toContainText(/No published figure by industry/);
  const causes = page.getByTestId("home-panel-rollback-causes");
  await expect(causes).toContainText(/Customer data exposure: \d+\.\d% of rollbacks/);
  await expect(causes).toContainText(/who rolled back/);
  await expect(causes).toContainText(/\(31%\)/);
  // bars with a published counterpart are set side by side with it
  const gaps = page.getByTestId("home-compare-rollback-causes");
  await expect(gaps.getByRole("row", { name: /Customer data exposure/ })).toContainText(/\d+\.\d%\s*31% Sinch\s*[+−]\d+\.\d pts/);
  await expect(page.getByTestId("home-compare-live-by-country").getByRole("row", { name: /Brazil/ })).toContainText(/76% Sinch/);
});
