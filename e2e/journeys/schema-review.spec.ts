import { expect, fixture, test } from "../fixtures";

test("upload a Qualtrics export, change a question's type in review, and break down by it", async ({ page }) => {
  await page.goto("/datasets");
  await page.getByTestId("upload-input").setInputFiles(fixture("datasets", "vendor-exports", "qualtrics", "qualtricstools-sample-survey-insights.csv"));
  await page.waitForURL(/\/schema$/, { timeout: 60_000 });
  await expect(page.getByTestId("import-summary")).toContainText(/qualtrics export, 3 header rows, 5 respondents/);

  // Q5_1 (a 0–10 rating) was detected as numeric: treat it as a choice question
  const type = page.getByLabel("Type of Q5_1");
  await expect(type).toHaveValue("numeric");
  await type.selectOption("single");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();
  await expect(page.getByLabel("Options of Q5_1")).toBeVisible();

  await page.getByRole("link", { name: "Continue to analysis" }).click();
  await page.waitForURL(/\/analyze/);
  await page.waitForLoadState("networkidle");
  const outcome = page.getByLabel("Outcome");
  const fruits = (await outcome.locator("option").allTextContents()).find((t) => t.startsWith("fruits"));
  await outcome.selectOption({ label: fruits! });
  const segment = page.getByLabel("Segment");
  const q5 = (await segment.locator("option").allTextContents()).find((t) => t.startsWith("Q5_1"));
  expect(q5, "the retyped question is offered as a segment").toBeTruthy();
  await segment.selectOption({ label: q5! });
  await expect(page.getByTestId("breakdown-table")).toBeVisible();
  await expect(page).toHaveURL(/segment=Q5_1/);
});
