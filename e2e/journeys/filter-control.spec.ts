/**
 * The analysis filter control, by keyboard: open it, search a question, tick answers by their
 * labels (nothing applies before Apply), Apply, read the chip, remove it; the numbers follow each
 * step, and the URL keeps the filter in its existing format (`f.<question>=a|b`).
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

const ANALYZE = "/datasets/ai-agents-production/analyze";
const STATUS = "What is the status of AI agents in your organisation's customer communications?";

/** "2,527 of 2,527 respondents in the base" → 2527 (the analysed base). */
async function base(page: Page): Promise<number> {
  const text = (await page.getByTestId("breakdown-result").textContent()) ?? "";
  const m = /([\d,]+) of [\d,]+ respondents in the base/.exec(text);
  expect(m, text).not.toBeNull();
  return Number(m![1].replace(/,/g, ""));
}

async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "")) === name) return;
  }
  throw new Error(`no ${name} button within reach of Tab`);
}

test("filters by keyboard: open, search, tick, apply, chip, remove", async ({ page }) => {
  await page.goto(`${ANALYZE}?outcome=custom_infrastructure&category=Yes&segment=guardrail_maturity`);
  await expect(page.getByTestId("breakdown-table")).toBeVisible();
  const everyone = await base(page);

  // open the control and search the question by typing
  await page.getByRole("button", { name: "Add filter" }).focus();
  await page.keyboard.press("Enter");
  const box = page.getByRole("combobox", { name: "Filter by question" });
  await expect(box).toBeFocused();
  await page.keyboard.type("status of AI agents");
  await expect(page.getByRole("listbox", { name: "Filter by question" }).getByRole("option").first()).toContainText("agent_status");
  await page.keyboard.press("Enter");

  // answers by label; ticking applies nothing
  const answers = page.getByTestId("filter-answers");
  await expect(answers.getByRole("checkbox")).toHaveCount(4);
  await page.keyboard.press("Tab");
  await expect(answers.getByRole("checkbox", { name: "Live in production" })).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(answers.getByRole("checkbox", { name: "Piloting" })).toBeChecked();
  await expect(page).not.toHaveURL(/f\.agent_status/);
  expect(await base(page)).toBe(everyone);
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="filter-control"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await tabTo(page, "Apply");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/f\.agent_status=Live\+in\+production%7CPiloting/);
  const chip = page.getByTestId("filter-agent_status");
  await expect(chip).toHaveText(`${STATUS}: Live in production, Piloting`);
  await expect(page.getByTestId("breakdown-result")).toContainText("filtered");
  await expect.poll(() => base(page)).toBeLessThan(everyone);
  const filtered = await base(page);

  // edit it: Clear unticks every answer, Apply needs one again; Escape leaves it as it was
  await chip.getByRole("button", { name: /^Edit filter/ }).click();
  await page.getByTestId("filter-control").getByRole("button", { name: "Clear" }).click();
  await expect(page.getByTestId("filter-answers").getByRole("checkbox", { checked: true })).toHaveCount(0);
  await expect(page.getByTestId("filter-control").getByRole("button", { name: "Apply" })).toBeDisabled();
  await page.getByTestId("filter-control").getByRole("button", { name: "Cancel" }).click();
  await expect(chip).toHaveText(`${STATUS}: Live in production, Piloting`);
  expect(await base(page)).toBe(filtered);

  // remove the chip by keyboard: everyone again
  await chip.getByRole("button", { name: `Remove filter ${STATUS}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("filter-agent_status")).toHaveCount(0);
  await expect(page).not.toHaveURL(/f\.agent_status/);
  await expect.poll(() => base(page)).toBe(everyone);
  await expect(page.getByRole("button", { name: "Add filter" })).toBeFocused();
});

test("a filter in the existing URL format still parses and shows its labels", async ({ page }) => {
  await page.goto(`${ANALYZE}?outcome=custom_infrastructure&category=Yes&segment=guardrail_maturity&f.agent_status=Live%20in%20production`);
  await expect(page.getByTestId("filter-agent_status")).toHaveText(`${STATUS}: Live in production`);
  await expect(page.getByTestId("breakdown-result")).toContainText("filtered");
});
