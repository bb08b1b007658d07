import fs from "node:fs";
import { expect, fixture, test } from "../fixtures";

test.use({ storageState: "test-results/.auth/admin.json" });

/** Text nodes in <main> holding a bidi control that are not isolated by a <bdi> (or a form control). */
async function unisolated(page: import("@playwright/test").Page): Promise<string[]> {
  return page.evaluate(() => {
    const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F]/;
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (BIDI.test(n.textContent ?? "") && !n.parentElement?.closest("bdi, option, textarea, title, script, style")) out.push(JSON.stringify(n.textContent));
    }
    return out;
  });
}

test("C26: right-to-left overrides in a dataset name and in answers are isolated with <bdi> on every view", async ({ page, request, baseURL }) => {
  const name = "bidi \u202Etxt.exe";
  const res = await request.post(`/api/datasets?name=${encodeURIComponent(name)}`, {
    data: fs.readFileSync(fixture("csv-edge-cases", "generated", "overlong-and-bidi.csv")),
    headers: { "content-type": "application/octet-stream", origin: baseURL! },
  });
  expect(res.status(), await res.text()).toBe(201);
  const ds = await res.json();
  for (const path of ["/datasets", `/datasets/${ds.id}`, `/datasets/${ds.id}/schema`]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("main bdi").first()).toBeAttached();
    expect(await unisolated(page), path).toEqual([]);
  }
  await page.goto("/datasets");
  await page.screenshot({ path: "/tmp/shots-gov/bidi-datasets.png" });
});
