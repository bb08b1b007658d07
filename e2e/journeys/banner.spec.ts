import fs from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { addFilter, expect, test } from "../fixtures";

const SHOTS = process.env.SHOTS_DIR ?? "test-results/banner-shots";
fs.mkdirSync(SHOTS, { recursive: true });

test.describe("banner table", () => {
  test("two segments and a filter: letters, reload, XLSX, column visibility, keyboard grid", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/datasets/ai-agents-production/analyze?outcome=rolled_back&category=Yes&segment=guardrail_maturity");
    await page.waitForLoadState("networkidle");
    await page.getByTestId("view-banner").click();
    await expect(page).toHaveURL(/view=banner/);
    await page.getByLabel("Add a banner segment").selectOption("company_size");
    await expect(page).toHaveURL(/segments=guardrail_maturity%2Ccompany_size/);
    // rolled_back is asked of those live in production: this filter keeps its whole base
    await addFilter(page, "agent_status", ["Live in production"]);
    await expect(page).toHaveURL(/f\.agent_status=Live/);

    const table = page.getByTestId("banner-table");
    await expect(table).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /Fully mature/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /5,000\+/ })).toBeVisible();
    await expect(table.getByTestId("letters").first()).toBeVisible();
    const yesEarly = (await page.getByTestId("cell-r0-g0c0").textContent())!;
    expect(yesEarly).toMatch(/\d+\.\d%/);
    await expect(page.getByTestId("cell-r0-g0c0")).toHaveAttribute("title", /95% CI \d/);
    await page.screenshot({ path: `${SHOTS}/banner-1440.png`, fullPage: true });
    // no serious or critical accessibility violations in the banner (grid roles, labels, contrast)
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="banner-result"]').include('[data-testid="breakdown-controls"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
    expect(serious).toEqual([]);

    // reload: the same table from the URL
    await page.reload();
    await page.waitForLoadState("networkidle");
    await expect(page.getByTestId("cell-r0-g0c0")).toHaveText(yesEarly);
    await expect(page.getByTestId("banner-segment-company_size")).toBeVisible();

    // XLSX: the letters and the bases are in the sheet
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("banner-export-xlsx").click()]);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const values: unknown[][] = [];
    wb.worksheets[0].eachRow((r) => values.push((r.values as unknown[]).slice(1)));
    const base = values.find((r) => r[0] === "Base (n)");
    expect(base?.slice(1).every((v) => typeof v === "number" && v > 0)).toBe(true);
    expect(values.some((r) => !r[0] && r.slice(1).some((v) => typeof v === "string" && /^[A-Da-d]+$/.test(v)))).toBe(true);

    // hide a column through the visibility menu
    await page.getByTestId("banner-columns-menu").locator("summary").click();
    await page.getByTestId("banner-columns-menu").getByRole("checkbox", { name: /Early/ }).uncheck();
    await expect(page.getByTestId("cell-r0-g0c0")).toHaveCount(0);
    await page.getByTestId("banner-columns-menu").locator("summary").click();

    // keyboard: one tab stop, arrows move between cells
    const first = table.locator('[data-cell="0:0"]');
    await first.focus();
    await page.keyboard.press("ArrowRight");
    await expect(table.locator('[data-cell="0:1"]')).toBeFocused();
    await page.keyboard.press("ArrowDown");
    await expect(table.locator('[data-cell="1:1"]')).toBeFocused();
    await page.keyboard.press("End");
    await expect(table.locator("td[tabindex='0']")).toBeFocused();
    await page.keyboard.press("Home");
    await expect(table.locator('[data-cell="1:0"]')).toBeFocused();
    expect(await table.locator("[tabindex='0']").count()).toBe(1);

    // Enter on a cell explains its letters (same panel as the single breakdown)
    await page.getByTestId("cell-r0-g0c3").focus();
    await page.keyboard.press("Enter");
    const panel = page.getByTestId("significance-panel");
    await expect(panel).toContainText(/higher than Developing \(B\)/);
    await expect(panel).toContainText(/p [=<] 0\.\d+/);
    await page.keyboard.press("Escape");
    await expect(panel).toBeHidden();

    // back: the previous URL (before the filter) re-renders its banner
    await page.goBack();
    await expect(page).not.toHaveURL(/f\.agent_status/);
    await expect(page.getByTestId("filter-agent_status")).toHaveCount(0);
    await expect(page.getByTestId("banner-table")).toBeVisible();

    // laptop and mobile: the wide table scrolls inside its box, the page never overflows sideways
    // (the sidebar layout once let the table widen <main> past the viewport at 1280 px)
    for (const width of [1280, 1024, 390]) {
      await page.setViewportSize({ width, height: 844 });
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `page overflow at ${width} px`).toBeLessThanOrEqual(1);
    }
    const scroller = page.getByTestId("banner-scroll");
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.screenshot({ path: `${SHOTS}/banner-390.png`, fullPage: true });
  });
});
