import fs from "node:fs";
import { expect, fixture, test } from "../fixtures";

test.use({ storageState: "test-results/.auth/admin.json" });

/**
 * Issue 17: pages put numbers into server-rendered HTML (question lists, the analysis pickers'
 * props) only through the disclosure gateway; weighting previews are for respondent access only. The small-cells fixture has one
 * respondent with gender X: its owner (the admin who uploaded it) sees "(1)"; an analyst of the
 * same workspace (aggregate-only) sees no count of 1..4 for that question, in the page or its props.
 */
test("the dataset and analysis pages release option counts by audience", async ({ page, request, baseURL, browser }) => {
  const headers = { origin: baseURL! };
  const up = await request.post("/api/datasets?name=gateway%20pages&fileName=small-cells-survey.csv", {
    data: fs.readFileSync(fixture("csv-edge-cases", "generated", "small-cells-survey.csv")),
    headers: { ...headers, "content-type": "application/octet-stream" },
  });
  expect(up.status(), await up.text()).toBe(201);
  const id = (await up.json()).id as string;
  const smallCount = /\\?"count\\?":[1-4][,}]/;

  // owner: exact on the overview and in the analyze page's props
  await page.goto(`/datasets/${id}`);
  await expect(page.getByTestId("question-list")).toContainText("X (1)");
  await page.goto(`/datasets/${id}/analyze`);
  expect(await page.content()).toMatch(smallCount);

  // an aggregate-only analyst
  const login = { email: `gate-${Date.now()}@e2e.surveyscope.test`, password: "gate-analyst-password-0123" };
  expect((await request.post("/api/admin/users", { data: { ...login, role: "analyst" }, headers })).status()).toBe(201);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const analyst = await context.newPage();
  expect((await analyst.request.post("/api/auth/sign-in/email", { data: login, headers })).ok()).toBeTruthy();
  await analyst.goto(`/datasets/${id}`);
  // no counts for them at all, and the answer only one respondent gave is not listed
  await expect(analyst.getByTestId("counts-in-breakdowns")).toBeVisible();
  await expect(analyst.getByTestId("question-list")).toContainText(/(^|\s)F(\s|$)/);
  await expect(analyst.getByTestId("question-list")).not.toContainText(/(^|\s)X(\s|$)/);
  for (const path of [`/datasets/${id}/analyze`, `/datasets/${id}/weighting`, `/datasets/${id}/insights`, `/datasets/${id}/schema`]) {
    await analyst.goto(path);
    expect(await analyst.content(), path).not.toMatch(smallCount);
  }
  // the weighting preview is refused to them (its targets would turn the weights into counts), the owner's is exact
  const scheme = { name: "g", preview: true, scheme: { method: "rake", targets: { gender: { M: 0.49, F: 0.49, X: 0.02 } } } };
  const theirs = await analyst.request.post(`/api/datasets/${id}/weights`, { data: scheme, headers });
  expect(theirs.status()).toBe(403);
  expect(JSON.stringify((await theirs.json()).error)).not.toMatch(/\b[0-9]+\b/);
  const own = await (await request.post(`/api/datasets/${id}/weights`, { data: scheme, headers })).json();
  expect(own.report.margins.find((m: { match: { gender: string } }) => m.match.gender === "X").n).toBe(1);
  await context.close();
  expect((await request.delete(`/api/datasets/${id}`, { headers })).status()).toBe(204);
});
