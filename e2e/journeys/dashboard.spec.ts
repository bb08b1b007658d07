import fs from "node:fs/promises";
import JSZip from "jszip";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";

const ANALYSIS =
  "/datasets/ai-agents-production/analyze?outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight&f.agent_status=Live%20in%20production";

async function tileNames(page: Page): Promise<string[]> {
  return page.getByTestId("dashboard-tile").getByRole("heading", { level: 2 }).allTextContents();
}

test("save a filtered breakdown, pin it to a new dashboard, edit the layout, download the deck", async ({ page }) => {
  const stamp = Date.now();
  const viewName = `E2E rollback ${stamp}`;
  const dashName = `E2E dashboard ${stamp}`;

  // 1. a breakdown with a filter, saved as a view
  await page.goto(ANALYSIS);
  await page.waitForLoadState("networkidle");
  const total = page.getByTestId("breakdown-table").getByRole("row").filter({ hasText: "Total" });
  const pct = (await total.getByRole("cell").nth(1).textContent())!.trim();
  expect(pct).toMatch(/^\d+\.\d%$/);
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("View name").fill(viewName);
  await page.screenshot({ path: "/tmp/shots-views/save-view-1440.png" });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved “${viewName}”` })).toBeVisible();
  await expect(page.getByTestId("saved-views")).toContainText(viewName);

  // 2. a new dashboard (the seeded executive one is listed too)
  await page.goto("/dashboards");
  await expect(page.getByRole("link", { name: "AI agents: executive summary" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Dashboard name").fill(dashName);
  await page.getByRole("button", { name: "Create dashboard" }).click();
  await page.waitForURL(/\/dashboards\/d-[0-9a-f]{16}/);
  await page.waitForLoadState("networkidle");
  const dashUrl = page.url().split("?")[0];

  // 3. pin the new view and a seeded one, save
  const picker = page.getByLabel("Pin a saved view");
  const options = await picker.locator("option").allTextContents();
  await picker.selectOption({ label: options.find((o) => o.startsWith(viewName))! });
  await page.getByRole("button", { name: "Pin" }).click();
  await picker.selectOption({ label: options.find((o) => o.startsWith("Live in production by industry"))! });
  await page.getByRole("button", { name: "Pin" }).click();
  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByRole("button", { name: "Edit layout" })).toBeVisible();

  // 4. the tile shows the analysis' numbers, and survives a reload
  const mine = page.getByTestId("dashboard-tile").filter({ hasText: viewName });
  await expect(mine).toHaveAttribute("data-status", "ready");
  await expect(mine.getByTestId("tile-figures").getByRole("row").filter({ hasText: "Total" })).toContainText(pct);
  await expect(mine.getByTestId("tile-base")).toContainText("filtered (");
  await page.screenshot({ path: "/tmp/shots-views/dashboard-1440.png", fullPage: true });
  await page.goto(dashUrl);
  expect(await tileNames(page)).toEqual([viewName, "Live in production by industry"]);
  await expect(mine.getByTestId("tile-figures").getByRole("row").filter({ hasText: "Total" })).toContainText(pct);

  // 5. edit layout: move the second tile up and make it full width; persists
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Edit layout" }).click();
  await page.getByRole("button", { name: "Move “Live in production by industry” up" }).click();
  await page.getByRole("button", { name: "Make “Live in production by industry” full width" }).click();
  await page.screenshot({ path: "/tmp/shots-views/edit-1440.png", fullPage: true });
  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Layout saved" })).toBeVisible();
  await page.goto(dashUrl);
  expect(await tileNames(page)).toEqual(["Live in production by industry", viewName]);
  await expect(page.getByTestId("dashboard-tile").first()).toHaveAttribute("data-size", "full");

  // 6. the deck: a cover and one slide per tile, each chart a native (editable) chart; the PDF has the same pages
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download deck (PowerPoint)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pptx$/);
  const zip = await JSZip.loadAsync(await fs.readFile((await download.path())!));
  const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
  expect(slides).toHaveLength(3);
  expect(Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(2);
  const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const pdfText = (await fs.readFile((await pdf.path())!)).toString("latin1");
  expect(pdfText.startsWith("%PDF-")).toBe(true);
  expect(pdfText.match(/\/Type \/Page\b/g)).toHaveLength(3);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/shots-views/dashboard-390.png", fullPage: true });
  await page.getByRole("button", { name: "Edit layout" }).click();
  await page.screenshot({ path: "/tmp/shots-views/edit-390.png", fullPage: true });
  await page.goto("/dashboards");
  await page.screenshot({ path: "/tmp/shots-views/list-390.png", fullPage: true });
});

test("a banner view is saved from the analyze page with its chart type and pinned with every answer", async ({ page, baseURL }) => {
  const name = `E2E banner ${Date.now()}`;
  await page.goto("/datasets/ai-agents-production/analyze?view=banner&outcome=rolled_back&segments=guardrail_maturity,country&weight=weight");
  await page.waitForLoadState("networkidle");
  await page.getByRole("radio", { name: "100% stacked" }).check();
  await expect(page).toHaveURL(/chart=stacked100/);
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("View name").fill(name);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Saved “${name}”` })).toBeVisible();

  const headers = { origin: baseURL! };
  const views = (await (await page.request.get("/api/views?dataset=ai-agents-production")).json()).views as { id: string; name: string; query: string }[];
  const view = views.find((v) => v.name === name)!;
  expect(view.query).toContain("view=banner");
  expect(view.query).toContain("segments=guardrail_maturity%2Ccountry");
  expect(view.query).toContain("chart=stacked100");
  const dash = await page.request.post("/api/dashboards", { headers, data: { name: `${name} dashboard`, tiles: [{ viewId: view.id, size: "full" }] } });
  expect(dash.status(), await dash.text()).toBe(201);
  await page.goto(`/dashboards/${(await dash.json()).dashboard.id}`);
  const tile = page.getByTestId("dashboard-tile");
  await expect(tile).toHaveAttribute("data-status", "ready");
  await expect(tile.getByTestId("tile-banner")).toContainText("Fully mature");
  // the tile draws the saved chart (every answer stacked), without the pickers of the analyze page
  await expect(tile.getByTestId("banner-chart")).toBeVisible();
  await expect(tile.getByRole("radio")).toHaveCount(0);
  await page.screenshot({ path: "/tmp/shots-views/banner-tile-1440.png", fullPage: true });

  await page.goto("/dashboards");
  await page.screenshot({ path: "/tmp/shots-views/list-1440.png", fullPage: true });
  await page.getByRole("link", { name: "AI agents: executive summary" }).click();
  await expect(page.getByTestId("dashboard-tile")).toHaveCount(3);
  await page.screenshot({ path: "/tmp/shots-views/seeded-1440.png", fullPage: true });
});

test("dashboard filters apply to every tile, survive in the link and the deck, and come off again", async ({ page }) => {
  await page.goto("/dashboards");
  await page.getByRole("link", { name: "AI agents: executive summary" }).click();
  await page.waitForURL(/\/dashboards\/d-[0-9a-f]{16}$/);
  await page.waitForLoadState("networkidle");
  const bar = page.getByTestId("dashboard-filters");
  await expect(bar).toContainText("None: every tile shows its saved view.");
  await bar.getByRole("button", { name: "Add filter" }).click();
  await bar.getByLabel("Question").selectOption({ label: "Country" });
  await bar.getByRole("checkbox", { name: "Germany" }).check();
  await bar.getByRole("button", { name: "Apply filter" }).click();
  await page.waitForURL(/filter=country%3DGermany/);
  await expect(bar.getByTestId("dashboard-filter-chip")).toHaveText(/Country: Germany/);
  // every ready tile says it is filtered (the tile by country shows only Germany)
  const tiles = page.getByTestId("dashboard-tile").and(page.locator('[data-status="ready"]'));
  const bases = await tiles.getByTestId("tile-base").allTextContents();
  expect(bases.length).toBeGreaterThan(0);
  for (const b of bases) expect(b).toContain("Country: Germany");
  await expect(page.getByTestId("download-pdf")).toHaveAttribute("href", /format=pdf&filter=country%3DGermany/);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/shots-views/dashboard-filtered-390.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await bar.getByRole("button", { name: /Remove filter Country: Germany/ }).click();
  await page.waitForURL(/\/dashboards\/d-[0-9a-f]{16}$/);
  await expect(bar).toContainText("None: every tile shows its saved view.");
});

test("a text tile carries commentary as plain text, and the deck gets it as a slide", async ({ page }) => {
  await page.goto("/dashboards");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Dashboard name").fill(`E2E notes ${Date.now()}`);
  await page.getByRole("button", { name: "Create dashboard" }).click();
  await page.waitForURL(/\/dashboards\/d-[0-9a-f]{16}/);
  await page.waitForLoadState("networkidle");
  if (!(await page.getByRole("button", { name: "Save layout" }).isVisible())) await page.getByRole("button", { name: "Edit layout" }).click();
  const text = "Why this matters\n<b>Mature</b> guardrails catch more failures.";
  await page.getByLabel("Add a text tile (commentary, a section heading)").fill(text);
  await page.getByRole("button", { name: "Add text" }).click();
  await page.getByRole("button", { name: "Save layout" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Layout saved" })).toBeVisible();
  const tile = page.getByTestId("tile-text");
  await expect(tile).toHaveText(text);
  await expect(tile.locator("b")).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download deck (PowerPoint)" }).click()]);
  const zip = await JSZip.loadAsync(await fs.readFile((await download.path())!));
  const slide2 = await zip.file("ppt/slides/slide2.xml")!.async("string");
  expect(slide2).toContain("Why this matters");
  expect(slide2).toContain("&lt;b&gt;Mature&lt;/b&gt; guardrails catch more failures.");
});
