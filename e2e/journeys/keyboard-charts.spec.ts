import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

const SHOTS = process.env.SHOTS;

/** Tab from the top until focus comes back round; each stop's role and accessible name (from the accessibility tree). */
async function tabStops(page: Page, max = 150): Promise<{ tag: string; role: string; name: string; chart: boolean }[]> {
  await page.locator("body").focus();
  const stops: { tag: string; role: string; name: string; chart: boolean }[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const focused = page.locator("*:focus");
    if ((await focused.count()) === 0) break;
    const tag = await focused.evaluate((e) => e.tagName.toLowerCase());
    if (tag === "body") break;
    const first = (await focused.ariaSnapshot()).split("\n")[0];
    // "- button \"Save view\"" or, for a disclosure summary, "- text: Saved views"
    const m = /^- ([\w-]+)(?: "(.*?)"|: (.*))?/.exec(first) ?? [];
    const stop = { tag, role: m[1] ?? "", name: (m[2] ?? m[3] ?? "").trim(), chart: await focused.evaluate((e) => e.hasAttribute("data-chart-focus")) };
    if (stops.length && stops[0].tag === tag && stops[0].name === stop.name && i > 5) break;
    stops.push(stop);
  }
  return stops;
}

test.describe("keyboard: every stop on Analyze is named, a chart is one stop", () => {
  for (const view of ["single", "banner"] as const) {
    test(`${view} view`, async ({ page }) => {
      const q = "outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight";
      await page.goto(`/datasets/ai-agents-production/analyze?${q}${view === "banner" ? "&view=banner&segments=guardrail_maturity%2Ccompany_size" : ""}`);
      await page.getByTestId(view === "banner" ? "banner-table" : "breakdown-table").waitFor();
      await page.waitForLoadState("networkidle");
      const stops = await tabStops(page);
      expect(stops.length).toBeGreaterThan(10);
      const unnamed = stops.filter((s) => !s.name);
      expect(unnamed, JSON.stringify(unnamed)).toEqual([]);
      // no SVG part of a chart is a stop; each chart is exactly one named stop
      expect(stops.filter((s) => s.tag === "svg" || s.tag === "g")).toEqual([]);
      const charts = stops.filter((s) => s.chart);
      expect(charts.length).toBe(await page.locator("[data-chart-focus]").count());
      expect(charts.length).toBeGreaterThanOrEqual(1);
      for (const c of charts) expect(c.role).toBe("img");
    });
  }
});

test("phones: at 390 px no value label sits on a benchmark line (Home headline and panels)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  await page.getByTestId("headline-chart").waitFor();
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(400);
  const charts = page.locator("figure:has(.recharts-reference-line)");
  const n = await charts.count();
  expect(n).toBeGreaterThanOrEqual(1);
  let labels = 0;
  for (let i = 0; i < n; i++) {
    const fig = charts.nth(i);
    const lines = await fig.locator(".recharts-reference-line line").evaluateAll((ls) => ls.map((l) => l.getBoundingClientRect()).map((r) => r.x + r.width / 2));
    const boxes = await fig.locator("[data-value-label]").evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
    labels += boxes.length;
    for (const b of boxes) for (const x of lines) expect(x < b.left - 1 || x > b.right + 1, `label ${JSON.stringify(b)} on a line at ${x}`).toBe(true);
  }
  expect(labels).toBeGreaterThan(3);
  // the two tests explained in words
  await page.getByTestId("headline-two-tests").locator("summary").click();
  await expect(page.getByTestId("headline-two-tests")).toContainText(/On its own, the gap between .*Benjamini–Hochberg/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/home-390.png`, fullPage: true });
});
