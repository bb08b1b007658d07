import { expect, test } from "../fixtures";

test.use({ storageState: "test-results/.auth/admin.json" });

test("exports and refused requests are on the hash-chained audit trail", async ({ request, page, baseURL, playwright }) => {
  const headers = { origin: baseURL! };
  const spec = { outcome: "rolled_back", outcome_category: "Yes", segment: "country", filters: { agent_status: ["Live in production"] } };
  const exp = await request.post("/api/datasets/ai-agents-production/crosstab/export?format=csv", { data: spec, headers });
  expect(exp.status()).toBe(200);
  const anon = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect((await anon.get("/api/datasets/ai-agents-production")).status()).toBe(401);
  await anon.dispose();

  const trail = await (await request.get("/api/audit")).json();
  expect(trail.chain.verified).toBe(true);
  const exportRecord = trail.records.find((r: { action: string; result: string }) => r.action === "export:aggregate" && r.result === "ok");
  expect(JSON.parse(exportRecord.detail)).toMatchObject({ format: "csv", filters: { agent_status: ["Live in production"] } });
  // the denied anonymous read is recorded too (workspace unknown, so it is visible to every admin)
  expect(trail.records.some((r: { action: string; result: string; resource_id: string }) => r.action === "dataset:read" && r.result === "denied")).toBe(true);

  await page.goto("/audit");
  await expect(page.getByTestId("chain-ok")).toBeVisible();
  await expect(page.getByTestId("audit-table")).toContainText("export:aggregate");
});
