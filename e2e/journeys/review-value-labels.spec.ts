import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect, fixture, test } from "../fixtures";

/**
 * Issue #18: value labels for coded answers in review. `educ` (1–6) and `income_band` (1–5, 99 =
 * refused: numeric, its range is too wide for a code list) of the coded export in
 * test/fixtures/schema-review get their codebook labels, which the breakdown then shows.
 */
async function upload(request: APIRequestContext, baseURL: string, name: string): Promise<string> {
  const res = await request.post(`/api/datasets?name=${encodeURIComponent(name)}&fileName=coded-survey.csv`, {
    data: fs.readFileSync(fixture("schema-review", "coded-survey.csv")),
    headers: { "content-type": "application/octet-stream", origin: baseURL },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id as string;
}

const EDUC = ["Primary school", "Lower secondary", "Upper secondary", "Vocational", "Bachelor's degree", "Master's or higher"];

test("label codes 1–6 in review (pasted and typed), make a coded number a scale, and see the labels in a breakdown", async ({ page, request, baseURL }) => {
  const id = await upload(request, baseURL!, "Coded pulse (value labels)");
  await page.goto(`/datasets/${id}/schema`);
  await page.waitForLoadState("networkidle");

  // educ: codes without labels, so its value labels are open and say so
  const educ = page.getByTestId("value-labels-educ");
  await expect(educ).toContainText("these answers are codes without labels");
  await educ.getByLabel("Value labels of educ").fill(["1 = Primary school", "2 = Lower secondary", "3: Upper secondary", "4\tVocational", "5 = Bachelor's degree", "5 = twice"].join("\n"));
  await educ.getByRole("button", { name: "Apply labels" }).click();
  await expect(educ.getByRole("alert")).toHaveText("Line 6: code 5 is already labelled on line 5");
  await educ.getByLabel("Value labels of educ").fill(["1 = Primary school", "2 = Lower secondary", "3: Upper secondary", "4\tVocational", "5 = Bachelor's degree"].join("\n"));
  await educ.getByRole("button", { name: "Apply labels" }).click();
  // the last code typed by hand
  await educ.getByLabel("Label for code 6 of educ").fill("Master's or higher");
  await expect(page.getByLabel("Options of educ")).toContainText("Primary school (14)");
  await expect(page.getByLabel("Options of educ")).toContainText("Master's or higher (16)");

  // income_band: numbers that are codes; labelled, it becomes an ordered scale
  await expect(page.getByLabel("Type of income_band")).toHaveValue("numeric");
  const income = page.getByTestId("value-labels-income_band");
  await income.getByText("Are these numbers codes? Label them").click();
  await income.getByLabel("Value labels of income_band").fill("1 = Under 20k\n2 = 20–40k\n3 = 40–60k\n4 = 60–80k\n5 = 80k or more\n99 = Refused");
  await income.getByRole("radio", { name: /ordered scale/ }).check();
  await income.getByRole("button", { name: "Apply labels" }).click();
  await expect(page.getByLabel("Type of income_band")).toHaveValue("ordinal");
  await expect(income.getByTestId("pending-labels-income_band")).toContainText("1 = Under 20k");

  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();
  await expect(page.getByLabel("Options of income_band").getByRole("listitem").first()).toContainText("Under 20k");
  await expect(page.getByLabel("Options of income_band")).toContainText("Refused");
  // labelled: no longer flagged as codes without labels
  await expect(page.getByTestId("value-labels-educ")).not.toContainText("these answers are codes without labels");

  // the breakdown's groups carry the labels (recommend Yes by education: 57.1% of the 14 with primary school)
  await page.goto(`/datasets/${id}/analyze?outcome=recommend&category=Yes&segment=educ&unweighted=1`);
  await page.waitForLoadState("networkidle");
  const table = page.getByTestId("breakdown-table");
  for (const label of EDUC) await expect(table.getByRole("row").filter({ hasText: label })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "Primary school" }).getByRole("cell").nth(1)).toHaveText("57.1%");
  // the scale made from numbers is a segment with its labels, in the codebook's order
  await page.getByLabel("Segment").selectOption("income_band");
  await expect(table.getByRole("row").nth(1)).toContainText("Under 20k");
  // and a filter offers the labels
  await page.getByRole("button", { name: "Add filter" }).click();
  await page.getByRole("combobox", { name: "Filter by question" }).fill("educ");
  await page.getByRole("listbox", { name: "Filter by question" }).getByRole("option").filter({ hasText: "educ" }).first().click();
  await expect(page.getByTestId("filter-answers").getByRole("checkbox", { name: "Primary school" })).toBeVisible();
});
