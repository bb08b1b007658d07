import { expect, fixture, test } from "../fixtures";

test.describe("analyst journey", () => {
  test("upload a vendor export with progress, review its questions, build a breakdown whose chart and table agree", async ({ page }) => {
    await page.goto("/datasets");
    await expect(page.getByRole("heading", { name: "Datasets" })).toBeVisible();
    const file = fixture("datasets", "vendor-exports", "surveymonkey", "fivethirtyeight-masculinity-raw-responses.csv");
    await page.getByTestId("upload-input").setInputFiles(file);
    // the progress panel appears while the file streams in, then we land on the overview
    await expect(page.getByTestId("upload-progress").or(page.getByText(/Imported/))).toBeVisible();
    await page.waitForURL(/\/datasets\/fivethirtyeight-masculinity/, { timeout: 60_000 });
    // the schema review opens with the detected format and counts
    await expect(page.getByTestId("import-summary")).toContainText("1,615 respondents");
    await expect(page.getByLabel("Type of weight")).toHaveValue("weight");
    await page.getByRole("link", { name: "Continue to analysis" }).click();
    await page.waitForURL(/\/analyze/);
    await page.getByLabel("Outcome").selectOption({ index: 1 });
    const segmentOptions = await page.getByLabel("Segment").locator("option").allTextContents();
    const age = segmentOptions.find((t) => /age3/i.test(t));
    expect(age, "age3 should be offered as a segment").toBeTruthy();
    await page.getByLabel("Segment").selectOption({ label: age! });
    await page.getByLabel("Weight", { exact: true }).selectOption({ index: 1 });

    const result = page.getByTestId("breakdown-result");
    await expect(result).toBeVisible();
    await expect(page).toHaveURL(/segment=age3/);
    const table = page.getByTestId("breakdown-table");
    const totalRow = table.getByRole("row").filter({ hasText: "Total" });
    const tablePct = (await totalRow.getByRole("cell").nth(1).textContent())!.trim();
    expect(tablePct).toMatch(/^\d+\.\d%$/);
    // the chart labels its bars with the same formatted numbers as the table
    await expect(result.locator("figure")).toContainText(tablePct);

    // a pasted link re-renders the same view
    const url = page.url();
    await page.goto(url);
    await expect(page.getByTestId("breakdown-table").getByRole("row").filter({ hasText: "Total" })).toContainText(tablePct);
  });
});

test.describe("significance and reproducibility", () => {
  test("letters explain themselves and the breakdown exports as an R script", async ({ page }) => {
    await page.goto("/datasets/ai-agents-production/analyze?outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight");
    const table = page.getByTestId("breakdown-table");
    const mature = table.getByRole("row").filter({ hasText: "Fully mature" });
    await expect(mature).toContainText(/[A-D]/);
    await mature.getByRole("button", { name: /Explain significance/ }).click();
    const panel = page.getByTestId("significance-panel");
    await expect(panel).toContainText(/design-based z test/);
    await expect(panel).toContainText(/p [=<] 0\.\d+/);
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();

    await page.getByLabel("Multiple comparisons").selectOption("bonferroni");
    await expect(page).toHaveURL(/sig=bonferroni/);

    await page.getByRole("button", { name: "Reproduce in R" }).click();
    const script = page.getByTestId("r-script");
    await expect(script).toContainText("library(survey)");
    await expect(script).toContainText('"rolled_back"');
  });
});

test("a breakdown downloads as CSV and Excel with the table's numbers", async ({ page }) => {
  await page.goto("/datasets/ai-agents-production/analyze?outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight");
  const total = page.getByTestId("breakdown-table").getByRole("row").filter({ hasText: "Total" });
  const pct = (await total.getByRole("cell").nth(1).textContent())!.trim();
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "CSV" }).click()]);
  const text = await (await import("node:fs/promises")).readFile((await csv.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(text).toContain(pct);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Excel" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  const values = wb.worksheets[0].getSheetValues().flat().map((v) => (typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)));
  expect(values.some((v) => v.includes("Fully mature"))).toBeTruthy();

  const fs = await import("node:fs/promises");
  const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "PNG chart" }).click()]);
  const pngBytes = await fs.readFile((await png.path())!);
  expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const [deck] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "PowerPoint" }).click()]);
  expect(deck.suggestedFilename()).toMatch(/\.pptx$/);
  const deckBytes = await fs.readFile((await deck.path())!);
  expect(deckBytes.subarray(0, 2).toString()).toBe("PK");
  expect(deckBytes.includes(Buffer.from("ppt/slides/slide1.xml"))).toBe(true);
});
