import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { expect, fixture, test } from "../fixtures";

/**
 * Issue #18, "the review screen fixes the rest in minutes": a coded export (test/fixtures/
 * schema-review, README there) whose agreement items code don't know as 8 and prefer not to say
 * as 9. Labelled from the codebook, those two codes are the top of each scale, so the top-2 box
 * counts them; one bulk rule sets them apart in every question.
 */
const CSV = fixture("schema-review", "coded-survey.csv");
const ITEMS = ["q_service", "q_price", "q_support"];
const CODEBOOK = { "1": "Strongly disagree", "2": "Disagree", "3": "Neither", "4": "Agree", "5": "Strongly agree", "8": "Don't know", "9": "Prefer not to say" };

async function upload(request: APIRequestContext, baseURL: string, name: string): Promise<string> {
  const res = await request.post(`/api/datasets?name=${encodeURIComponent(name)}&fileName=coded-survey.csv`, {
    data: fs.readFileSync(CSV),
    headers: { "content-type": "application/octet-stream", origin: baseURL },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id as string;
}

test("mark Don't know and Prefer not to say missing in every question at once, undo, save, and see the top-2 box change", async ({ page, request, baseURL }) => {
  const id = await upload(request, baseURL!, "Coded pulse (bulk rules)");
  // the codebook's labels, as an analyst would have typed them in review (the value-label journey does that in the UI)
  const labelled = await request.put(`/api/datasets/${id}/questions`, { data: { questions: ITEMS.map((q) => ({ id: q, optionLabels: CODEBOOK })) }, headers: { origin: baseURL! } });
  expect(labelled.status(), await labelled.text()).toBe(200);

  // before: the top-2 box of the 1–9 codes is "Don't know + Prefer not to say" (25.0%, make_coded_survey.py)
  const analyze = `/datasets/${id}/analyze?outcome=q_service&category=__top2&segment=region&unweighted=1`;
  await page.goto(analyze);
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Answer")).toContainText("Top 2 box (Don't know + Prefer not to say)");
  const total = page.getByTestId("breakdown-table").getByRole("row").filter({ hasText: "Total" });
  await expect(total.getByRole("cell").nth(1)).toHaveText("25.0%");

  await page.goto(`/datasets/${id}/schema`);
  await page.waitForLoadState("networkidle"); // interact only once the editor has hydrated
  const bulk = page.getByTestId("bulk-missing");
  await expect(bulk.getByTestId("bulk-missing-preview")).toHaveText("Pick one or more answers");
  await bulk.getByRole("checkbox", { name: /^Don't know/ }).check();
  await expect(bulk.getByTestId("bulk-missing-preview")).toHaveText("Applies to 3 questions");
  await bulk.getByRole("checkbox", { name: /^Prefer not to say/ }).check();
  await expect(bulk.getByTestId("bulk-missing-preview")).toHaveText("Applies to 3 questions");
  await bulk.getByRole("button", { name: "Mark missing" }).click();
  await expect(page.getByTestId("review-status")).toContainText("missing in 3 questions");
  for (const q of ITEMS) {
    await expect(page.getByTestId(`set-apart-${q}`)).toContainText("Don't know");
    await expect(page.getByLabel(`Options of ${q}`)).not.toContainText("Prefer not to say");
  }

  // one step back, with the keyboard-reachable button; then again
  await page.getByRole("button", { name: /^Undo: Mark/ }).click();
  await expect(page.getByTestId("set-apart-q_service")).toHaveCount(0);
  await expect(page.getByLabel("Options of q_service")).toContainText("Don't know");
  await expect(page.getByRole("button", { name: "Save as new version" })).toBeDisabled();
  await bulk.getByRole("checkbox", { name: /^Don't know/ }).check();
  await bulk.getByRole("checkbox", { name: /^Prefer not to say/ }).press("Space");
  await bulk.getByRole("button", { name: "Mark missing" }).press("Enter");
  await expect(page.getByTestId("set-apart-q_price")).toContainText("Prefer not to say");

  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 3" })).toBeVisible();
  // stored: a reload shows the answers set apart, recounted
  await page.reload();
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("set-apart-q_service")).toContainText(/Don't know \(\d+\)/);
  await expect(page.getByLabel("Options of q_service")).not.toContainText("Don't know");
  // nothing left to mark: the picker no longer offers them
  await expect(page.getByTestId("bulk-missing").getByRole("checkbox", { name: /^Don't know/ })).toHaveCount(0);

  // after: the top-2 box is Agree + Strongly agree among those who answered (47.8% of 90)
  await page.goto(analyze);
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Answer")).toContainText("Top 2 box (Agree + Strongly agree)");
  await expect(total.getByRole("cell").nth(1)).toHaveText("47.8%");
});

test("apply one question's order to every question with the same answers, as one step", async ({ page, request, baseURL }) => {
  const id = await upload(request, baseURL!, "Coded pulse (scale order)");
  // labelled and with the non-answers set apart, in one request (the API takes the same rules)
  const res = await request.put(`/api/datasets/${id}/questions`, {
    data: { questions: ITEMS.map((q) => ({ id: q, optionLabels: CODEBOOK })), rules: [{ kind: "missing-labels", labels: ["Don't know", "Prefer not to say"] }] },
    headers: { origin: baseURL! },
  });
  expect(res.status(), await res.text()).toBe(200);

  await page.goto(`/datasets/${id}/schema`);
  await page.waitForLoadState("networkidle");
  const order = page.getByTestId("bulk-order");
  await expect(order.getByTestId("bulk-order-preview")).toHaveText("Choose the question whose order to use");
  // reverse q_service by hand: Strongly agree first
  const service = page.getByTestId("schema-q-q_service");
  for (let i = 0; i < 4; i++) await service.getByRole("button", { name: "Move Strongly agree earlier" }).click();
  await expect(page.getByLabel("Options of q_service").getByRole("listitem").first()).toContainText("Strongly agree");
  await order.getByLabel("Order from question").selectOption("q_service");
  await expect(order.getByTestId("bulk-order-labels")).toHaveText("Strongly agree → Strongly disagree → Disagree → Neither → Agree");
  await expect(order.getByTestId("bulk-order-preview")).toHaveText("Applies to 2 questions");
  await order.getByRole("button", { name: "Apply this order" }).click();
  for (const q of ["q_price", "q_support"]) await expect(page.getByLabel(`Options of ${q}`).getByRole("listitem").first()).toContainText("Strongly agree");
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 3" })).toBeVisible();
  await expect(page.getByLabel("Options of q_support").getByRole("listitem").first()).toContainText("Strongly agree");
});
