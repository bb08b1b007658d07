/**
 * Issue 19, "wide surveys weigh down every page": a 9,000-column × 300-row survey (generated here,
 * never committed) must not make any page heavy. Every page of the dataset — overview, analyze
 * (single answer and banner), insights with key drivers, weighting, schema review — and a dashboard
 * pinning one of its views stays under 1 MB (the HTML document, and the RSC payload a client-side
 * navigation fetches), and the pickers find a question by typing.
 */
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

test.describe.configure({ mode: "serial" });

test.describe("a 9,000-column survey", () => {
  test.beforeAll(async ({ request, baseURL }) => {
    test.setTimeout(600_000);
    const res = await request.post(`/api/datasets?name=${encodeURIComponent(`Wide ${Date.now()}`)}&fileName=wide.csv&format=microdata`, {
      data: Buffer.from(wideCsv()),
      headers: { "content-type": "application/octet-stream", origin: baseURL! },
      timeout: 540_000,
    });
    expect(res.status()).toBe(201);
    datasetId = ((await res.json()) as { id: string }).id;
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
});
