import { expect, test } from "../fixtures";

test.use({ storageState: "test-results/.auth/admin.json" });

test("respondent export UI (C33): demographics and dates are quasi-identifiers by default, attitudes are not; suppressed values are reported", async ({ page }) => {
  await page.goto("/datasets/ai-agents-production/analyze?outcome=rolled_back&category=Yes&segment=country");
  await page.waitForLoadState("networkidle");
  const panel = page.getByTestId("respondent-export");
  await panel.locator("summary").click();
  const columns = panel.getByRole("group", { name: "Columns" });
  for (const id of ["field_date", "country", "industry"]) await columns.getByRole("checkbox", { name: id, exact: true }).check();
  await columns.getByRole("checkbox", { name: "rolled_back", exact: true }).check();
  const qi = panel.getByRole("group", { name: "Quasi-identifiers (k-anonymity)" });
  await expect(qi.getByRole("checkbox", { name: "field_date" })).toBeChecked();
  await expect(qi.getByRole("checkbox", { name: "rolled_back" })).not.toBeChecked();
  await expect(qi.getByRole("checkbox", { name: "field_date" })).toBeEnabled(); // admins may untick defaults
  const download = page.waitForEvent("download");
  await panel.getByRole("button", { name: "Download CSV" }).click();
  await download;
  // date × country × industry: 3,240 combinations for 2,527 respondents, many under k → suppressed
  await expect(panel.getByRole("status")).toContainText("replaced by * so that every combination is shared by at least 5 respondents");
  await panel.screenshot({ path: "/tmp/shots-gov/respondent-export.png" });
});
