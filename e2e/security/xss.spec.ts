import fs from "node:fs";
import { expect, fixture, test } from "../fixtures";

test.use({ storageState: "test-results/.auth/admin.json" });

test("hostile labels are shown as text on every view and in the SVG export", async ({ page, request, baseURL }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const res = await request.post(`/api/datasets?name=${encodeURIComponent("<b>xss</b> labels")}`, {
    data: fs.readFileSync(fixture("csv-edge-cases", "generated", "xss-labels.csv")),
    headers: { "content-type": "application/octet-stream", origin: baseURL! },
  });
  expect(res.status(), await res.text()).toBe(201);
  const ds = await res.json();
  for (const path of [`/datasets/${ds.id}`, `/datasets/${ds.id}/schema`, "/datasets"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
  }
  await page.goto(`/datasets/${ds.id}`);
  await expect(page.getByText("<b>xss</b> labels").first()).toBeVisible();
  await expect(page.locator("main script")).toHaveCount(0);
  await expect(page.locator("main img")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
