import fs from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { expect, test } from "../fixtures";

/** Every text of a file, whatever its format: CSV as is, XLSX cells, PPTX slide runs (XML unescaped). */
async function fileText(download: Download): Promise<string> {
  const bytes = await fs.readFile((await download.path())!);
  const name = download.suggestedFilename();
  if (name.endsWith(".csv")) return bytes.toString("utf8");
  if (name.endsWith(".xlsx")) {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets.forEach((ws) => ws.eachRow((r) => (r.values as unknown[]).forEach((v) => typeof v === "string" && cells.push(v))));
    return cells.join("\n");
  }
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(bytes);
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  const xml = (await Promise.all(slides.map((f) => zip.file(f)!.async("string")))).join("\n");
  // a paragraph's runs joined, entities unescaped
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)]
    .map((p) => [...p[1].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(""))
    .join("\n")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent("download"), click()]);
  return fileText(d);
}

/** The rule sentence of a legend ("Letters: … ."), without the legend's own lead-in and trailer. */
async function rule(page: Page): Promise<string> {
  const text = (await page.getByTestId("letters-legend").textContent())!.replace(/\s+/g, " ");
  const m = /Letters: .*?(?:comparisons|for each answer|of the table)\./.exec(text);
  expect(m, text).not.toBeNull();
  return m![0];
}

test.describe("significance letters: the screen's rule is the files' rule", () => {
  test("single view: a legend names the test, alphas and correction, and CSV, Excel and PowerPoint state it word for word", async ({ page }) => {
    await page.goto("/datasets/ai-agents-production/analyze?outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight&sig=holm");
    const legend = page.getByTestId("letters-legend");
    await expect(legend).toContainText(/upper case at p < 0\.01, lower case at p < 0\.05/);
    await expect(legend).toContainText(/design-based z test/);
    await expect(legend).toContainText(/Holm correction/);
    const screen = await rule(page);
    for (const name of ["CSV", "Excel", "PowerPoint"]) {
      const text = await download(page, () => page.getByRole("button", { name, exact: true }).click());
      expect(text.replace(/\s+/g, " "), name).toContain(screen);
    }
    // switching the correction changes the legend and the file together
    await page.getByLabel("Multiple comparisons").selectOption("none");
    await expect(legend).toContainText(/no correction for multiple comparisons/);
    const none = await rule(page);
    expect(none).not.toBe(screen);
    expect((await download(page, () => page.getByRole("button", { name: "CSV", exact: true }).click())).replace(/\s+/g, " ")).toContain(none);
  });

  test("banner: the legend's rule is in the CSV, Excel and PowerPoint files", async ({ page }) => {
    await page.goto("/datasets/ai-agents-production/analyze?outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight&view=banner&segments=guardrail_maturity%2Ccompany_size");
    await expect(page.getByTestId("banner-table")).toBeVisible();
    const screen = await rule(page);
    expect(screen).toMatch(/same group/);
    for (const f of ["csv", "xlsx", "pptx"]) {
      const text = await download(page, () => page.getByTestId(`banner-export-${f}`).click());
      expect(text.replace(/\s+/g, " "), f).toContain(screen);
    }
  });
});
