import { expect, fixture, test } from "../fixtures";

test("upload a Qualtrics export, change a question's type in review, and break down by it", async ({ page }) => {
  await page.goto("/datasets");
  await page.getByTestId("upload-input").setInputFiles(fixture("datasets", "vendor-exports", "qualtrics", "qualtricstools-sample-survey-insights.csv"));
  await page.waitForURL(/\/schema$/, { timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("import-summary")).toContainText(/qualtrics export, 3 header rows, 5 respondents/);

  // Q5_1 (a 0–10 rating) was detected as numeric: treat it as a choice question
  const type = page.getByLabel("Type of Q5_1");
  await expect(type).toHaveValue("numeric");
  await type.selectOption("single");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();
  await expect(page.getByLabel("Options of Q5_1")).toBeVisible();

  await page.getByRole("link", { name: "Continue to analysis" }).click();
  await page.waitForURL(/\/analyze/);
  await page.waitForLoadState("networkidle");
  const outcome = page.getByLabel("Outcome");
  const fruits = (await outcome.locator("option").allTextContents()).find((t) => t.startsWith("fruits"));
  await outcome.selectOption({ label: fruits! });
  const segment = page.getByLabel("Segment");
  const q5 = (await segment.locator("option").allTextContents()).find((t) => t.startsWith("Q5_1"));
  expect(q5, "the retyped question is offered as a segment").toBeTruthy();
  await segment.selectOption({ label: q5! });
  await expect(page.getByTestId("breakdown-table")).toBeVisible();
  await expect(page).toHaveURL(/segment=Q5_1/);
});

test("a derived NET (live or planning within 12 months) is added in review and used in a breakdown", async ({ page }) => {
  await page.goto("/datasets/ai-agent-identity/schema");
  await page.waitForLoadState("networkidle");
  const editor = page.getByTestId("derived-editor");
  const source = editor.getByLabel("From question");
  const first = (await source.locator("option").allTextContents()).find((t) => t.startsWith("region"));
  expect(first, "region is offered as a source").toBeTruthy();
  await source.selectOption({ label: first! });
  await editor.getByLabel("New id").fill("region_net");
  await editor.getByLabel("Label").fill("Region (all)");
  for (const input of await editor.getByLabel(/^Group for /).all()) await input.fill("All regions");
  await expect(page.getByTestId("derived-preview")).toContainText("All regions 400");
  await editor.getByRole("button", { name: "Add derived variable" }).click();
  await expect(editor.getByRole("status")).toContainText("Added region_net");

  await page.goto("/datasets/ai-agent-identity/analyze?outcome=region_net&category=All%20regions&segment=region");
  const total = page.getByTestId("breakdown-table").getByRole("row").filter({ hasText: "Total" });
  await expect(total.getByRole("cell").nth(1)).toHaveText("100.0%");
});

test("a text column is turned into a delimited multi-select in review and its options are recounted", async ({ page, request, baseURL }) => {
  const csv = ["id,pets", "1,cat", '2,"cat, dog"', "3,dog", '4,"dog, fish"', "5,cat"].join("\n") + "\n";
  const res = await request.post("/api/datasets?name=pets", { data: Buffer.from(csv), headers: { "content-type": "application/octet-stream", origin: baseURL! } });
  expect(res.status(), await res.text()).toBe(201);
  const id = (await res.json()).id;
  await page.goto(`/datasets/${id}/schema`);
  await page.waitForLoadState("networkidle"); // interact only once the editor has hydrated
  await page.getByLabel("Type of pets").selectOption("multi");
  await page.getByLabel("Delimiter of pets").fill(", ");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2" })).toBeVisible();
  await expect(page.getByLabel("Options of pets")).toContainText("fish (1)");
  await expect(page.getByLabel("Options of pets")).toContainText("cat (3)");
});
