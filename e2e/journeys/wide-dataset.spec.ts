/**
 * Issue 19, "wide surveys weigh down every page": a 9,000-column × 300-row survey (generated here,
 * never committed) must not make any page heavy. Every page of the dataset — overview, analyze
 * (single answer and banner), insights with key drivers, weighting, schema review — and a dashboard
 * pinning one of its views stays under 1 MB (the HTML document, and the RSC payload a client-side
 * navigation fetches), and the pickers find a question by typing.
 */
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "../fixtures";

const COLUMNS = 9000;
const ROWS = 300;
const LIMIT = 1024 * 1024;
const SAT = ["Very poor", "Poor", "Fair", "Good", "Excellent"];

/** resp_id, region, then sat_i (5-point scale), score_i (0–100) and used_i (Yes/No) in turn. */
function wideCsv(): string {
  const names = ["resp_id", "region"];
  for (let i = 2; i < COLUMNS; i++) names.push(i % 3 === 0 ? `sat_${i}` : i % 3 === 1 ? `score_${i}` : `used_${i}`);
  const lines = [names.join(",")];
  for (let r = 0; r < ROWS; r++) {
    const cells = [`r${r}`, ["North", "South", "East", "West"][r % 4]];
    for (let i = 2; i < COLUMNS; i++) cells.push(i % 3 === 0 ? SAT[(r * 7 + i) % 5] : i % 3 === 1 ? String((r * 31 + i * 17) % 101) : (r + i) % 3 ? "Yes" : "No");
    lines.push(cells.join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** The document's bytes and the RSC payload's (what a client-side navigation to it fetches). */
async function weigh(request: APIRequestContext, url: string) {
  const html = await request.get(url);
  expect(html.status(), url).toBe(200);
  const rsc = await request.get(url, { headers: { RSC: "1" } });
  expect(rsc.status(), `${url} (RSC)`).toBe(200);
  return { html: (await html.body()).length, rsc: (await rsc.body()).length };
}

let datasetId = "";
const POSTGRES = process.env.E2E_BACKEND === "postgres";

test.describe.configure({ mode: "serial" });

test.describe("a 9,000-column survey", () => {
  test.beforeAll(async ({ request, baseURL }) => {
    test.setTimeout(600_000);
    const res = await request.post(`/api/datasets?name=${encodeURIComponent(`Wide ${Date.now()}`)}&fileName=wide.csv&format=microdata`, {
      data: Buffer.from(wideCsv()),
      headers: { "content-type": "application/octet-stream", origin: baseURL! },
      timeout: 540_000,
    });
    if (POSTGRES) {
      // a PostgreSQL table holds at most 1,600 columns (lib/store/postgres/README.md): a clear 4xx, nothing stored
      expect(res.status()).toBe(422);
      expect(((await res.json()) as { error: { message: string } }).error.message).not.toMatch(/North|South|Very poor/);
      return;
    }
    expect(res.status()).toBe(201);
    datasetId = ((await res.json()) as { id: string }).id;
  });

  test.beforeEach(() => {
    test.skip(POSTGRES, "the PostgreSQL backend holds at most 1,599 data columns per dataset; its 422 is checked above");
  });

  test("every page of the dataset stays under 1 MB", async ({ request, baseURL }) => {
    test.setTimeout(300_000);
    const headers = { origin: baseURL! };
    const view = await request.post("/api/views", { headers, data: { datasetId, name: "Wide view", query: "outcome=sat_3&category=Good&segment=region" } });
    const viewId = view.ok() ? ((await view.json()) as { view: { id: string } }).view.id : null;
    const dash = viewId ? await request.post("/api/dashboards", { headers, data: { name: "Wide dashboard", tiles: [{ viewId, size: "full" }] } }) : null;
    const dashboardId = dash?.ok() ? ((await dash.json()) as { dashboard: { id: string } }).dashboard.id : null;
    const pages = [
      `/datasets/${datasetId}`,
      `/datasets/${datasetId}/analyze`,
      `/datasets/${datasetId}/analyze?outcome=sat_3&category=Good&segment=region&f.used_5=Yes`,
      `/datasets/${datasetId}/analyze?view=banner&outcome=sat_3&segments=region,sat_6`,
      `/datasets/${datasetId}/insights`,
      `/datasets/${datasetId}/weighting`,
      `/datasets/${datasetId}/schema`,
      ...(dashboardId ? [`/dashboards/${dashboardId}`] : []),
    ];
    const sizes: Record<string, { html: number; rsc: number }> = {};
    for (const url of pages) sizes[url] = await weigh(request, url);
    console.log(`page weights (bytes): ${JSON.stringify(sizes, null, 1)}`);
    expect(dashboardId, "the wide view pinned to a dashboard").toBeTruthy();
    for (const [url, s] of Object.entries(sizes)) {
      expect.soft(s.html, `${url} HTML`).toBeLessThan(LIMIT);
      expect.soft(s.rsc, `${url} RSC`).toBeLessThan(LIMIT);
    }
  });

  test("the pickers find a question by typing, and the answers load when it is chosen", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`/datasets/${datasetId}/analyze`);
    const outcome = page.getByRole("combobox", { name: "Outcome" });
    await outcome.click();
    await expect(page.getByRole("listbox", { name: "Outcome" }).getByRole("option").first()).toBeVisible();
    await expect(page.getByRole("listbox", { name: "Outcome" })).toContainText(/More questions… \([\d,]+ not shown: type to search\)/);
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="breakdown-controls"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await outcome.fill("sat_8997");
    await page.getByRole("listbox", { name: "Outcome" }).getByRole("option", { name: /sat_8997/ }).click();
    await expect(page).toHaveURL(/outcome=sat_8997/);
    await expect(page.getByLabel("Answer")).toHaveValue(/.+/);
    const segment = page.getByRole("combobox", { name: "Segment" });
    await segment.fill("region");
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("listbox", { name: "Segment" }).getByRole("option").first()).toHaveText("region");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/segment=region/);
    await expect(page.getByTestId("breakdown-table").getByRole("row").filter({ hasText: "North" })).toBeVisible({ timeout: 60_000 });
    // a filter on a question far down the list, its answers by label
    await page.getByRole("button", { name: "Add filter" }).click();
    await page.getByRole("combobox", { name: "Filter by question" }).fill("used_8999");
    await page.getByRole("listbox", { name: "Filter by question" }).getByRole("option", { name: /used_8999/ }).click();
    await page.getByTestId("filter-answers").getByRole("checkbox", { name: "Yes" }).check();
    await page.getByTestId("filter-control").getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/f\.used_8999=Yes/);
    await expect(page.getByTestId("filter-used_8999")).toHaveText("used_8999: Yes");
    // reload: the URL's questions come with the page, labels and all, without the list
    await page.reload();
    await expect(page.getByTestId("filter-used_8999")).toHaveText("used_8999: Yes");
    await expect(outcome).toHaveValue("sat_8997");
    // banner segments are searched the same way
    await page.getByTestId("view-banner").click();
    await page.getByRole("combobox", { name: "Add a banner segment" }).fill("sat_6");
    await page.getByRole("listbox", { name: "Add a banner segment" }).getByRole("option", { name: "sat_6", exact: true }).click();
    await expect(page.getByTestId("banner-segment-sat_6")).toBeVisible();
    await expect(page).toHaveURL(/segments=region%2Csat_6/);

    // weighting: variables are searched
    await page.goto(`/datasets/${datasetId}/weighting`);
    await page.getByRole("combobox", { name: "Add a weighting variable" }).fill("region");
    await page.getByRole("listbox", { name: "Add a weighting variable" }).getByRole("option", { name: "region" }).click();
    await expect(page.getByTestId("targets-region")).toBeVisible();

    // insights: the predictors are searched in the question list
    await page.goto(`/datasets/${datasetId}/insights`);
    const predictors = page.getByTestId("predictor-picker").getByRole("combobox");
    await predictors.fill("score_8998");
    await page.getByTestId("predictor-picker").getByRole("option", { name: /score_8998/ }).click();
    await expect(page.getByTestId("predictor-picker").getByRole("list")).toContainText("score_8998");

    // schema review and overview: a page of questions at a time, searchable
    await page.goto(`/datasets/${datasetId}/schema`);
    await expect(page.getByTestId("question-pager")).toContainText("Page 1 of 180");
    await page.getByTestId("question-pager").getByLabel("Search questions").fill("sat_8997");
    await page.getByTestId("question-pager").getByRole("button", { name: "Search" }).click();
    await expect(page.getByTestId("question-pager")).toContainText("1 of 1 questions");
    await page.goto(`/datasets/${datasetId}?q=used_8999`);
    await expect(page.getByTestId("question-list").getByRole("row")).toHaveCount(2);
    await page.goto(`/datasets/${datasetId}?page=2`);
    await expect(page.getByTestId("question-pager")).toContainText("Page 2 of 90 · 100 of 9,000 questions");
  });

  test("a schema edit on a later page saves as a new version, by question id", async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(`/datasets/${datasetId}/schema?page=180`);
    const label = page.getByTestId("schema-q-sat_8997").getByRole("textbox").first();
    await label.fill("Satisfaction with item 8997");
    await expect(page.getByTestId("pager-locked")).toBeVisible();
    await page.getByRole("button", { name: "Save as new version" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible({ timeout: 60_000 });
    await page.goto(`/datasets/${datasetId}?q=sat_8997`);
    await expect(page.getByTestId("question-list")).toContainText("Satisfaction with item 8997");
    // the other questions kept their labels
    await page.goto(`/datasets/${datasetId}?q=sat_8994`);
    await expect(page.getByTestId("question-list")).toContainText("sat_8994");
  });
});
