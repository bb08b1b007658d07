import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test } from "../fixtures";

const DEMO = "ai-agents-production";
const LIVE = { agent_status: ["Live in production"] };

/** A scripted MCP client (the SDK's own), as a desktop assistant would connect over HTTP. */
async function connect(baseURL: string, token: string): Promise<Client> {
  const client = new Client({ name: "e2e-assistant", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL("/api/mcp", baseURL), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
  return client;
}

test("an admin creates an agent credential, an assistant asks the headline questions, the admin revokes it and sees its calls in the audit trail", async ({ page, baseURL }) => {
  const name = `Board assistant ${Date.now()}`;

  // 1. the admin creates a least-privilege credential for the demo survey
  await page.goto("/admin/agents");
  await page.getByLabel("Name").fill(name);
  const demo = page.getByRole("checkbox", { name: new RegExp(DEMO) });
  if (!(await demo.isChecked())) await demo.check();
  for (const box of await page.getByRole("group", { name: "Datasets" }).getByRole("checkbox").all()) {
    if ((await box.isChecked()) && !(await box.evaluate((el, id) => el.parentElement?.textContent?.includes(id), DEMO))) await box.uncheck();
  }
  await page.getByLabel("Query budget (calls)").fill("20");
  await page.getByRole("button", { name: "Create agent credential" }).click();
  const token = (await page.getByTestId("agent-token").textContent())!.trim();
  expect(token).toMatch(/^ssa_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row").filter({ hasText: name });
  await page.reload();
  await expect(row).toContainText("active");
  await expect(row).toContainText("20 / 20");
  const agentId = (await row.locator("code").first().textContent())!.trim();

  // 2. a scripted assistant asks the headline questions
  const client = await connect(baseURL!, token);
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toContain("crosstab");
  const datasets = (await client.callTool({ name: "list_datasets", arguments: {} })).structuredContent as { datasets: { id: string }[] };
  expect(datasets.datasets.map((d) => d.id)).toEqual([DEMO]);
  // "what is our rollback rate by guardrail maturity?" (live agents, weighted)
  const rollback = await client.callTool({
    name: "crosstab",
    arguments: { dataset: DEMO, outcome: "rolled_back", outcome_category: "Yes", segment: "guardrail_maturity", weight: "weight", filters: LIVE },
  });
  const answer = rollback.structuredContent as { answer: { segments: { segment: string; weighted: { p: number } | null }[] }; notes: { base: string; interval: string; weighting: string; caveats: string[] } };
  expect(answer.answer.segments.map((s) => s.segment)).toContain("Fully mature");
  expect(answer.notes.weighting).toBe("weighted by weight");
  expect(answer.notes.base).toMatch(/^Total n = \d+/);
  expect(answer.notes.caveats.join(" ")).toMatch(/Synthetic demo data/);
  const text = (rollback.content as { text: string }[])[0].text;
  expect(text).toMatch(/untrusted data/);
  expect(text).toMatch(/```data\n[\s\S]*"Fully mature": \d/);
  // "how does that compare with Sinch's published figure?"
  const compared = await client.callTool({
    name: "compare_to_benchmark",
    arguments: { dataset: DEMO, benchmarkId: "sinch-rollback-fully-mature", outcome: "rolled_back", outcome_category: "Yes", segment: "guardrail_maturity", column: "Fully mature", weight: "weight", filters: LIVE },
  });
  expect((compared.structuredContent as { answer: { comparison: { own: { p: number } } } }).answer.comparison.own.p).toBeGreaterThan(0);
  // out of scope: another dataset id answers like an absent one
  await expect(client.callTool({ name: "describe_dataset", arguments: { dataset: "no-such-dataset" } })).rejects.toMatchObject({ data: { code: "not_found" } });

  // 3. the admin revokes it
  await page.reload();
  await expect(row).toContainText("17 / 20"); // list_datasets, crosstab, compare_to_benchmark (a refusal by scope spends nothing)
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(row).toContainText("revoked");

  // 4. a call after revocation fails
  await expect(client.callTool({ name: "list_datasets", arguments: {} })).rejects.toThrow(/revoked/);
  await client.close();

  // 5. the calls are in the audit trail, filtered by the agent
  await row.getByRole("link", { name: "Calls in audit" }).click();
  await expect(page).toHaveURL(new RegExp(`/audit\\?actor=agent%3A${agentId}`));
  const table = page.getByTestId("audit-table");
  await expect(table.getByRole("row").filter({ hasText: "agent:tool" })).toHaveCount(5);
  await expect(table).toContainText("compare_to_benchmark");
  await expect(table.getByRole("row").filter({ hasText: "denied" })).toHaveCount(2);
  await expect(page.getByTestId("chain-ok")).toBeVisible();
});
