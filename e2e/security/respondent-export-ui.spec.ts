import fs from "node:fs";
import ExcelJS from "exceljs";
import { readParquetBack } from "@/lib/store/duckdb/parquet.fixtures";
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

test("respondent export UI: the file format is chosen with the keyboard; the Excel and Parquet files hold the segment and say what was suppressed", async ({ page }) => {
  await page.goto("/datasets/ai-agents-production/analyze?outcome=rolled_back&category=Yes&segment=country");
  await page.waitForLoadState("networkidle");
  const panel = page.getByTestId("respondent-export");
  await panel.locator("summary").click();
  const columns = panel.getByRole("group", { name: "Columns" });
  for (const id of ["country", "industry", "rolled_back"]) await columns.getByRole("checkbox", { name: id, exact: true }).check();
  const format = panel.getByRole("combobox", { name: "File format" });
  await expect(format).toHaveValue("csv");

  // keyboard only: focus the select, move to Excel, tab to the button, press Enter
  await format.focus();
  for (let i = 0; i < 4 && (await format.inputValue()) !== "xlsx"; i++) await page.keyboard.press("ArrowDown");
  await expect(format).toHaveValue("xlsx");
  await page.keyboard.press("Tab");
  const button = panel.getByRole("button", { name: "Download Excel (.xlsx)" });
  await expect(button).toBeFocused();
  const xlsxDownload = page.waitForEvent("download");
  await page.keyboard.press("Enter");
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toMatch(/respondents\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Respondents", "About this export"]);
  const sheet = wb.getWorksheet("Respondents")!;
  expect(sheet.getRow(1).values).toEqual([undefined, "country", "industry", "rolled_back"]);
  const facts: Record<string, unknown> = {};
  wb.getWorksheet("About this export")!.eachRow((row) => (facts[String(row.getCell(1).value)] = row.getCell(2).value));
  expect(facts).toMatchObject({ "k-anonymity k": 5, "Filters applied": "none", "Truncated at the row cap": "no" });
  expect(sheet.actualRowCount - 1).toBe(facts.Rows);
  const suppressed = facts["Cells suppressed"] as number;
  if (suppressed > 0) await expect(panel.getByRole("status")).toContainText("the About this export sheet records it");

  await format.focus();
  for (let i = 0; i < 4 && (await format.inputValue()) !== "parquet"; i++) await page.keyboard.press("ArrowDown");
  await expect(format).toHaveValue("parquet");
  const parquetDownload = page.waitForEvent("download");
  await panel.getByRole("button", { name: "Download Parquet" }).click();
  const parquet = await parquetDownload;
  expect(parquet.suggestedFilename()).toMatch(/respondents\.parquet$/);
  const back = await readParquetBack(fs.readFileSync((await parquet.path())!));
  expect(back.columns).toEqual([
    { name: "country", type: "VARCHAR" },
    { name: "industry", type: "VARCHAR" },
    { name: "rolled_back", type: "VARCHAR" },
  ]);
  expect(back.rows).toHaveLength(facts.Rows as number);
  // the same segment and the same suppression as the workbook (a fresh random order each time)
  expect(back.metadata["surveyscope.suppressed_cells"]).toBe(String(suppressed));
  expect(back.metadata["surveyscope.filters"]).toBe("{}");
});
