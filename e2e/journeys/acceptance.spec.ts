// Issue #6, the acceptance chain, literally, on the demo dataset: a banner table with two segments
// and a filter → significance letters → Save view → reopen the saved view's link → the same table →
// XLSX and PPTX exports (parsed) → a dashboard pinning the view with the same numbers → the deck →
// the benchmark explorer comparing a demo segment with a published figure.
import fs from "node:fs";
import JSZip from "jszip";
import type { Download, Page } from "@playwright/test";
import { addFilter, expect, test } from "../fixtures";

const SHOTS = process.env.SHOTS;
const DATASET = "ai-agents-production";
const ISOLATES = /[\u2066-\u2069]/g;
const plain = (s: string) => s.replace(ISOLATES, "");

/** The figure a banner cell shows ("62.3%"), without its letters and count. */
async function figure(page: Page, testId: string): Promise<string> {
  const text = (await page.getByTestId(testId).locator("span").first().textContent()) ?? "";
  expect(text, testId).toMatch(/^\d+\.\d%$/);
  return text;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return { download, bytes: fs.readFileSync((await download.path())!) };
}

/** Every text run of a slide (a:t), entities decoded. */
function slideTexts(xml: string): string[] {
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => plain(decode(m[1])));
}

async function slidesOf(bytes: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).sort();
  return Promise.all(names.map((n) => zip.file(n)!.async("string")));
}

test("issue #6: banner → saved view → exports → dashboard → deck → benchmark", async ({ page }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const viewName = `Acceptance banner ${stamp}`;
  const dashName = `Acceptance dashboard ${stamp}`;
  await page.setViewportSize({ width: 1440, height: 900 });

  // 1. a banner table with TWO segments and a filter
  await page.goto(`/datasets/${DATASET}/analyze?outcome=rolled_back&category=Yes&segment=guardrail_maturity`);
  await page.waitForLoadState("networkidle");
  await page.getByTestId("view-banner").click();
  await expect(page).toHaveURL(/view=banner/);
  await page.getByLabel("Add a banner segment").selectOption("company_size");
  await expect(page).toHaveURL(/segments=guardrail_maturity%2Ccompany_size/);
  await addFilter(page, "agent_status", ["Live in production"]);
  await expect(page).toHaveURL(/f\.agent_status=Live/);
  const table = page.getByTestId("banner-table");
  await expect(table.getByRole("columnheader", { name: /Fully mature/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /5,000\+/ })).toBeVisible();
  await expect(page.getByTestId("banner-result")).toContainText("filtered");

  // 2. significance letters appear
  await expect(table.getByTestId("letters").first()).toBeVisible();
  expect(await table.getByTestId("letters").first().textContent()).toMatch(/^[A-Za-z]+$/);
  const yesTotal = await figure(page, "cell-r0-total");
  const yesEarly = await figure(page, "cell-r0-g0c0");
  const noTotal = await figure(page, "cell-r1-total");
  const outcome = plain((await page.getByTestId("banner-result").locator("bdi").first().textContent()) ?? "");
  expect(outcome).toMatch(/rolled back/);
  if (SHOTS) {
    await page.getByTestId("banner-result").screenshot({ path: `${SHOTS}/acceptance-banner-1440.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.getByTestId("banner-result").screenshot({ path: `${SHOTS}/acceptance-banner-390.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(500);
    await page.getByTestId("banner-chart").screenshot({ path: `${SHOTS}/acceptance-chart-1440-after-resize.png` });
  }

  // 3. Save view
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("View name").fill(viewName);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved “${viewName}”` })).toBeVisible();

  // 4. from another analysis (the single breakdown), open the saved view's link: the same table
  await page.goto(`/datasets/${DATASET}/analyze?outcome=rolled_back&category=Yes&segment=country`);
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("banner-table")).toHaveCount(0);
  const saved = page.getByTestId("saved-views");
  await saved.locator("summary").click();
  await saved.getByRole("link", { name: viewName }).click();
  await expect(page).toHaveURL(/segments=guardrail_maturity%2Ccompany_size/);
  await expect(page).toHaveURL(/f\.agent_status=Live/);
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("banner-table").getByTestId("letters").first()).toBeVisible();
  expect(await figure(page, "cell-r0-total")).toBe(yesTotal);
  expect(await figure(page, "cell-r0-g0c0")).toBe(yesEarly);
  expect(await figure(page, "cell-r1-total")).toBe(noTotal);

  // 5a. XLSX: the same numbers, the bases, the letters
  const xlsx = await downloaded(page, () => page.getByTestId("banner-export-xlsx").click());
  expect(xlsx.download.suggestedFilename()).toMatch(/\.xlsx$/);
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  const values: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => values.push((r.values as unknown[]).slice(1)));
  const base = values.find((r) => r[0] === "Base (n)");
  expect(base?.slice(1).every((v) => typeof v === "number" && v > 0)).toBe(true);
  // clean text: no bidi isolate marks (or any bidi control) in the cells, so Excel lookups match
  expect(values.flat().filter((v) => typeof v === "string" && /[\u202A-\u202E\u2066-\u2069]/.test(v))).toEqual([]);
  const yesRow = values.find((r) => r[0] === "Yes");
  expect(yesRow, JSON.stringify(values.slice(0, 8))).toBeTruthy();
  expect(`${((yesRow![1] as number) * 100).toFixed(1)}%`).toBe(yesTotal);
  expect(`${((yesRow![2] as number) * 100).toFixed(1)}%`).toBe(yesEarly);
  expect(values.some((r) => !r[0] && r.slice(1).some((v) => typeof v === "string" && /^[A-Za-z]+$/.test(v)))).toBe(true);

  // 5b. PPTX: the chart slide with its title, the table slide with bases and the same numbers
  await expect(page.getByTestId("banner-chart-export-what")).toContainText("one answer");
  const pptx = await downloaded(page, () => page.getByTestId("banner-export-pptx").click());
  expect(pptx.download.suggestedFilename()).toMatch(/\.pptx$/);
  const [chartSlide, tableSlide, ...rest] = await slidesOf(pptx.bytes);
  expect(rest).toHaveLength(0);
  const chartTexts = slideTexts(chartSlide);
  expect(chartTexts.some((t) => t.startsWith(`"Yes" · ${outcome} by `))).toBe(true);
  expect(chartTexts.some((t) => /^Base: all respondents answering \(filtered\), n = [\d,]+/.test(t))).toBe(true);
  expect(chartSlide).toMatch(/<p:graphicFrame>[\s\S]*c:chart/); // a native, editable chart
  const tableTexts = slideTexts(tableSlide);
  expect(tableSlide).toContain("<a:tbl>");
  expect(tableTexts.some((t) => t.startsWith(outcome))).toBe(true);
  expect(tableTexts).toContain("Base (n)");
  expect(tableTexts).toContain(yesTotal);
  expect(tableTexts).toContain(yesEarly);
  expect(tableTexts.some((t) => /^ [A-Za-z]+$/.test(t))).toBe(true); // a letters run

  // 5c. SVG of the same chart: inert, with the numbers
  const svg = (await downloaded(page, () => page.getByTestId("banner-export-svg").click())).bytes.toString("utf8");
  expect(svg).not.toMatch(/<(script|foreignObject|image|a)[\s>/]/i);
  expect(svg).toContain(`>${yesTotal}<`);

  if (SHOTS) {
    const png = await downloaded(page, () => page.getByTestId("banner-export-png").click());
    fs.writeFileSync(`${SHOTS}/acceptance-export-bars.png`, png.bytes);
    await page.getByTestId("banner-chart").getByRole("radio", { name: "100% stacked" }).check();
    await expect(page.getByTestId("banner-chart-export-what")).toContainText("100%");
    const stacked = await downloaded(page, () => page.getByTestId("banner-export-png").click());
    fs.writeFileSync(`${SHOTS}/acceptance-export-stacked100.png`, stacked.bytes);
  }

  // 6. a dashboard pinning the view shows the same numbers
  await page.goto("/dashboards");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Dashboard name").fill(dashName);
  await page.getByRole("button", { name: "Create dashboard" }).click();
  await page.waitForURL(/\/dashboards\/d-[0-9a-f]{16}/);
  await page.waitForLoadState("networkidle");
  const picker = page.getByLabel("Pin a saved view");
  const options = await picker.locator("option").allTextContents();
  await picker.selectOption({ label: options.find((o) => o.startsWith(viewName))! });
  await page.getByRole("button", { name: "Pin" }).click();
  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByRole("button", { name: "Edit layout" })).toBeVisible();
  const tile = page.getByTestId("dashboard-tile").filter({ hasText: viewName });
  await expect(tile).toHaveAttribute("data-status", "ready");
  const tileYes = tile.getByTestId("tile-banner").getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Yes", exact: true }) });
  await expect(tileYes).toContainText(yesTotal);
  await expect(tileYes).toContainText(yesEarly);
  await expect(tile.getByTestId("tile-base")).toContainText("filtered (");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/acceptance-dashboard-1440.png`, fullPage: true });

  // 7. the deck: a cover, then the banner view's chart slide (titled by it) and its every-answer table
  const deck = await downloaded(page, () => page.getByRole("link", { name: "Download deck (PowerPoint)" }).click());
  expect(deck.download.suggestedFilename()).toMatch(/\.pptx$/);
  const deckSlides = await slidesOf(deck.bytes);
  expect(deckSlides).toHaveLength(3);
  expect(slideTexts(deckSlides[1])).toContain(viewName);

  // 8. the benchmark explorer: the fully mature segment against Sinch's published 81%
  await page.goto("/benchmarks?topic=guardrails");
  await page.waitForLoadState("networkidle");
  const bench = page.getByTestId("benchmark-sinch-rollback-fully-mature");
  await expect(bench).toContainText("81%");
  await bench.getByTestId("compare-toggle-sinch-rollback-fully-mature").click();
  await expect(bench.getByLabel("Question")).toHaveValue("rolled_back");
  await expect(bench.getByLabel("Column")).toHaveValue("Fully mature");
  await bench.getByTestId("compare-run").click();
  const result = bench.getByTestId("compare-result");
  await expect(result.getByTestId("compare-own")).toContainText(/\d+\.\d% ± \d+\.\d%/);
  await expect(result.getByTestId("compare-published")).toContainText(/81\.0%/);
  await expect(result.getByTestId("compare-caveats")).toContainText(/Different questions and populations/);
});
