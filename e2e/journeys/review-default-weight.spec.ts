import fs from "node:fs";
import { expect, fixture, test } from "../fixtures";

/**
 * Issue #18: a default weight per dataset. The weight column of the coded export
 * (test/fixtures/schema-review) is detected at import and becomes the default; Analyze uses it
 * unless the URL names another weight or says unweighted; saved views write their weighting out.
 */
test("the weight found at import is the default: shown, used by Analyze, switched off explicitly, changed in review", async ({ page, request, baseURL }) => {
  const res = await request.post(`/api/datasets?name=${encodeURIComponent("Coded pulse (weights)")}&fileName=coded-survey.csv`, {
    data: fs.readFileSync(fixture("schema-review", "coded-survey.csv")),
    headers: { "content-type": "application/octet-stream", origin: baseURL! },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).id as string;
  expect((await (await request.get(`/api/datasets/${id}`)).json()).defaultWeight).toEqual({ question: "wt", source: "import" });

  await page.goto(`/datasets/${id}`);
  await expect(page.getByTestId("default-weight")).toContainText("Default weight: wt (detected at import)");

  // Analyze without a weight in the URL: the default applies, and says so
  await page.goto(`/datasets/${id}/analyze?outcome=recommend&category=Yes&segment=region`);
  await page.waitForLoadState("networkidle");
  const weight = page.getByLabel("Weight", { exact: true });
  await expect(weight).toHaveValue("wt");
  await expect(page.getByTestId("breakdown-result")).toContainText("Weighted (wt, the dataset's default)");
  // a saved view keeps the weighting it showed, written out
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("View name").fill(`Weighted by default ${Date.now()}`);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved “Weighted by default" })).toBeVisible();

  // switched off: an explicit unweighted=1 in the URL, kept on reload
  await weight.selectOption("");
  await expect(page).toHaveURL(/unweighted=1/);
  await expect(page.getByTestId("breakdown-result")).toContainText("Unweighted");
  await page.reload();
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Weight", { exact: true })).toHaveValue("");
  await expect(page.getByTestId("breakdown-result")).toContainText("Unweighted");

  const views = (await (await request.get(`/api/views?dataset=${id}`)).json()).views as { query: string }[];
  expect(views.map((v) => v.query)).toEqual([expect.stringContaining("weight=wt")]);

  // review: no default any more; Analyze then starts unweighted, the saved view stays weighted
  await page.goto(`/datasets/${id}/schema`);
  await page.waitForLoadState("networkidle");
  const panel = page.getByTestId("default-weight-panel");
  await expect(panel.getByTestId("default-weight-note")).toContainText("use wt (detected at import)");
  await panel.getByLabel("Weight the analysis uses").selectOption("");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();
  await expect(panel.getByTestId("default-weight-note")).toContainText("The analysis starts unweighted");

  await page.goto(`/datasets/${id}/analyze?outcome=recommend&category=Yes&segment=region`);
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Weight", { exact: true })).toHaveValue("");
  await expect(page.getByTestId("breakdown-result")).toContainText("Unweighted");
  const saved = page.getByTestId("saved-views");
  await saved.locator("summary").click();
  await saved.getByRole("link", { name: /Weighted by default/ }).click();
  await expect(page).toHaveURL(/weight=wt/);
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("breakdown-result")).toContainText("Weighted (wt)");
});
