import { expect, test } from "../fixtures";

/**
 * Issue #18: a grid (rows × one scale) is a question in Analyze: picked as the outcome it is a
 * banner with one column per row (each row its own base), its Top 2 per row, a diverging chart with
 * one bar per row, and a row's "Don't know" kept visible after a divider, not in the base.
 */
const SCALE = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"];
const STEM = "How satisfied are you with";

function csv(): string {
  const lines = [`id,region,${STEM} [Price],${STEM} [Service],${STEM} [Speed]`];
  for (let i = 0; i < 100; i++) {
    const speed = i % 10 === 0 ? "Don't know" : SCALE[[1, 2, 3, 2, 2][i % 5]];
    lines.push(`${i + 1},${i % 2 ? "North" : "South"},${SCALE[[4, 3, 3, 2, 4][i % 5]]},${SCALE[[0, 1, 1, 2, 0][i % 5]]},${speed}`);
  }
  return lines.join("\n") + "\n";
}

test("a grid as the outcome: one column and one diverging bar per row, Top 2 per row, Don't know apart", async ({ page, request, baseURL }) => {
  const res = await request.post(`/api/datasets?name=${encodeURIComponent(`Grid pulse ${Date.now().toString(36)}`)}&fileName=grid.csv`, {
    data: Buffer.from(csv()),
    headers: { "content-type": "application/octet-stream", origin: baseURL! },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).id as string;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/datasets/${id}/analyze`);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Outcome").selectOption({ label: `${STEM} (grid, 3 rows)` });
  await expect(page).toHaveURL(/view=banner/);

  const table = page.getByTestId("banner-table");
  for (const row of ["Price", "Service", "Speed"]) await expect(table.getByRole("columnheader", { name: row })).toBeVisible();
  // Speed's base leaves its 10 "Don't know" out
  await expect(page.getByTestId("base-g0c2")).toHaveText("90");
  const top2 = table.getByRole("row").filter({ hasText: "Top 2" });
  await expect(top2).toContainText("80.0%");
  await expect(page.getByTestId("not-in-base-divider")).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "Don't know" })).toContainText("not in the base");

  // one diverging bar per row of the grid, Don't know not among its pieces but named under it
  const chart = page.getByTestId("diverging-likert-chart");
  await expect(chart).toBeVisible();
  for (const row of ["Price", "Service", "Speed"]) await expect(chart.locator("svg").first()).toContainText(row);
  await expect(page.getByTestId("chart-not-in-base")).toContainText("Don't know");
});
