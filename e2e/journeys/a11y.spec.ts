import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

const DEMO = "/datasets/ai-agents-production";
const ANALYZE = `${DEMO}/analyze?outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight`;
/** Set SHOTS=/tmp/dir to also save a screenshot of every screen at desktop and phone widths. */
const SHOTS = process.env.SHOTS;

/** Every signed-in screen, with what proves it rendered (client components hydrated, data shown). */
const SCREENS: { name: string; path: string; ready: (page: Page) => Promise<void> }[] = [
  { name: "home", path: "/", ready: (p) => expect(p.getByTestId("headline-chart").locator(".recharts-bar-rectangle").first()).toBeVisible() },
  { name: "datasets", path: "/datasets", ready: (p) => expect(p.getByRole("heading", { name: "Datasets" })).toBeVisible() },
  { name: "dataset-overview", path: DEMO, ready: (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible() },
  { name: "schema-review", path: `${DEMO}/schema`, ready: (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible() },
  { name: "analyze", path: ANALYZE, ready: (p) => expect(p.getByTestId("breakdown-table").getByRole("row").filter({ hasText: "Fully mature" })).toBeVisible() },
  {
    // the filter control: a chip from the URL, and its editor open on a question's answers
    name: "analyze-filter",
    path: `${ANALYZE}&f.agent_status=Live%20in%20production`,
    ready: async (p) => {
      await expect(p.getByTestId("filter-agent_status")).toContainText("Live in production");
      await p.getByRole("button", { name: "Add filter" }).click();
      await p.getByRole("combobox", { name: "Filter by question" }).fill("country");
      await p.getByRole("listbox", { name: "Filter by question" }).getByRole("option").filter({ hasText: "country" }).first().click();
      await expect(p.getByTestId("filter-answers").getByRole("checkbox").first()).toBeVisible();
    },
  },
  { name: "weighting", path: `${DEMO}/weighting`, ready: (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible() },
  { name: "insights", path: `${DEMO}/insights`, ready: (p) => expect(p.getByTestId("insight-findings")).toBeVisible({ timeout: 30_000 }) },
  { name: "benchmarks", path: "/benchmarks", ready: (p) => expect(p.getByRole("heading", { name: "Benchmarks" })).toBeVisible() },
  { name: "audit", path: "/audit", ready: (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible() },
];

/** Serious and critical axe violations, printed one per line so a failure says what and where. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  return bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1).join(" ")}`).join("\n")}`);
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  // phone: the page in screen-high slices, so each can be read at full size
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 0; y < height && i < 6; y += 1200, i++) {
    await page.screenshot({ path: `${SHOTS}/${name}-390-${i}.png`, fullPage: true, clip: { x: 0, y, width: 390, height: Math.min(1200, height - y) } });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe("accessibility (axe, WCAG 2.1 AA)", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  for (const s of SCREENS) {
    test(`${s.name}: no serious or critical violations`, async ({ page }) => {
      await page.goto(s.path);
      await page.waitForLoadState("networkidle");
      await s.ready(page);
      const bad = await seriousViolations(page);
      await shoot(page, s.name);
      expect(bad, bad.join("\n")).toEqual([]);
    });
  }

  test("sign-in (anonymous): no serious or critical violations", async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] }, viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    await page.goto("/sign-in");
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("button", { name: /sign in/i })).toBeVisible();
    const bad = await seriousViolations(page);
    await shoot(page, "sign-in");
    await ctx.close();
    expect(bad, bad.join("\n")).toEqual([]);
  });

  test("analyze: every control is reachable with Tab and shows where focus is", async ({ page }) => {
    await page.goto(ANALYZE);
    await page.waitForLoadState("networkidle");
    await expect(page.getByTestId("breakdown-table")).toBeVisible();
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const label = el.getAttribute("aria-label") || (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) || el.textContent || "";
        const style = getComputedStyle(el);
        const visibleFocus = style.outlineStyle !== "none" || style.boxShadow !== "none";
        return { tag: el.tagName.toLowerCase(), label: label.trim().slice(0, 60), visibleFocus };
      });
      if (!info) continue;
      reached.add(`${info.tag}:${info.label}`);
      expect(info.visibleFocus, `focus ring on ${info.tag} "${info.label}"`).toBe(true);
    }
    const text = [...reached].join("\n");
    for (const control of [/select:.*Outcome/i, /select:.*Segment/i, /select:.*Weight/i]) expect(text, text).toMatch(control);
  });
});
