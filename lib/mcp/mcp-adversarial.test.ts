/**
 * Adversarial agent: other datasets, other workspaces, respondent rows, identifiers, small cells,
 * differencing, an exhausted budget, a revoked or expired credential, unknown tools and malformed
 * arguments. Every attempt is refused with a structured MCP error, nothing respondent-level leaks,
 * and every call is in the hash-chained audit trail under the agent.
 */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeFreshDataDir, openFreshDataDir } from "@/test/support/in-process.fixtures";

const dataDir = openFreshDataDir("mcp-adv", "mcp-adv-secret-mcp-adv-secret-012345678");

const { setupMcpFixture, CANARY, OUTLIER } = await import("./mcp.fixtures");
type Fx = Awaited<ReturnType<typeof setupMcpFixture>>;

let fx: Fx;
let agentId: string;
let client: Client;
const seen: string[] = [];

beforeAll(async () => {
  fx = await setupMcpFixture();
  const a = await fx.agent({ datasets: [fx.main] });
  agentId = a.id;
  client = await fx.connect(a.token);
}, 120_000);

afterAll(async () => {
  await client?.close();
  await closeFreshDataDir(dataDir);
});

/** The refusal of a call (it must be one), recorded for the canary check. */
async function refusal(c: Client, name: string, args: Record<string, unknown>) {
  try {
    const r = await c.callTool({ name, arguments: args });
    seen.push(JSON.stringify(r));
    throw new Error(`not refused: ${name} ${JSON.stringify(args)}`);
  } catch (err) {
    const e = err as { code?: number; message: string; data?: { code: string; message: string } };
    if (e.message.startsWith("not refused")) throw err;
    seen.push(JSON.stringify({ message: e.message, data: e.data }));
    return e;
  }
}

async function released(c: Client, name: string, args: Record<string, unknown>) {
  const r = await c.callTool({ name, arguments: args });
  seen.push(JSON.stringify(r));
  return r.structuredContent as Record<string, unknown>;
}

describe("an agent outside its scope", () => {
  it("gets the same error for a dataset of its workspace outside its scope, another workspace's dataset and an absent one", async () => {
    const errs = [];
    for (const id of [fx.second, fx.foreign, "no-such-dataset"]) {
      const e = await refusal(client, "crosstab", { dataset: id, outcome: "rolled_back", outcome_category: "Yes", segment: "country" });
      errs.push({ code: e.code, data: { ...e.data, message: e.data?.message.replace(id, "ID") }, message: e.message.replace(id, "ID") });
    }
    expect(errs[0]).toMatchObject({ code: -32602, data: { code: "not_found", message: "dataset not found: ID" } });
    expect(errs[1]).toEqual(errs[0]);
    expect(errs[2]).toEqual(errs[0]);
    const d = await refusal(client, "describe_dataset", { dataset: fx.foreign });
    expect(d.data?.code).toBe("not_found");
  });

  it("does not see them in list_datasets, and a dashboard tile over one is unavailable like a deleted dataset", async () => {
    const list = await released(client, "list_datasets", {});
    expect((list.datasets as { id: string }[]).map((x) => x.id)).toEqual([fx.main]);
    const narrow = await fx.agent({ datasets: [fx.second] });
    const c2 = await fx.connect(narrow.token);
    const board = await released(c2, "read_dashboard", { dashboard: fx.dashboardId });
    expect(board.tiles).toEqual([expect.objectContaining({ status: "unavailable", reason: "dataset" })]);
    await c2.close();
  });

  it("cannot call a tool it was not granted: answered like an unknown tool", async () => {
    const narrow = await fx.agent({ tools: ["list_datasets"] });
    const c2 = await fx.connect(narrow.token);
    expect((await c2.listTools()).tools.map((t) => t.name)).toEqual(["list_datasets"]);
    const ungranted = await refusal(c2, "crosstab", { dataset: fx.main, outcome: "rolled_back", outcome_category: "Yes", segment: "country" });
    const unknown = await refusal(c2, "drop_tables", {});
    expect(ungranted).toMatchObject({ code: -32602, data: { code: "unknown_tool", message: "unknown tool: crosstab" } });
    expect(unknown).toMatchObject({ code: -32602, data: { code: "unknown_tool", message: "unknown tool: drop_tables" } });
    await c2.close();
  });
});

describe("respondent-level data", () => {
  it("refuses respondent ids and free text as breakdowns or drivers, and never echoes an answer", async () => {
    for (const args of [
      { dataset: fx.main, outcome: "rolled_back", outcome_category: "Yes", segment: "resp_id" },
      { dataset: fx.main, outcome: "comment", outcome_category: "note", segment: "country" },
    ]) {
      const e = await refusal(client, "crosstab", args);
      expect(e.code).toBe(-32602);
    }
    const d = await refusal(client, "key_drivers", { dataset: fx.main, outcome: "rolled_back", outcome_category: "Yes", predictors: ["resp_id"] });
    expect(d.data?.code).toBe("invalid_spec");
    const b = await refusal(client, "banner", { dataset: fx.main, outcome: "comment", segments: ["country"] });
    expect(b.code).toBe(-32602);
  });

  it("hides small cells", async () => {
    const r = await released(client, "crosstab", { dataset: fx.main, outcome: "rolled_back", outcome_category: "Yes", segment: "grp" });
    const segs = (r.answer as { segments: { segment: string; n: number | null; display: string | null }[] }).segments;
    for (const s of segs.filter((x) => x.segment !== "Rest")) expect(s).toMatchObject({ n: null, display: "< 5" });
    // the API's aggregate rules too: chi-square with the shown margins would solve the hidden counts
    expect((r.answer as { chisq: unknown }).chisq).toEqual({ full: null, binary: null });
  });

  it("refuses a result that differs from one it already saw by fewer than k respondents", async () => {
    const first = await released(client, "crosstab", { dataset: fx.main, outcome: "age", statistic: "mean", segment: "maturity" });
    expect((first.answer as { total: { n: number } }).total.n).toBe(120);
    const e = await refusal(client, "crosstab", { dataset: fx.main, outcome: "age", statistic: "mean", segment: "maturity", filters: { grp: ["G2", "Rest"] } });
    expect(e).toMatchObject({ code: -32003, data: { code: "forbidden" } });
    expect(e.data?.message).toMatch(/^disclosure: /);
  });

  it("hides a mean that one respondent dominates (magnitude rule), in the segment and in the total", async () => {
    // a fresh agent: its release history holds nothing that would refuse this breakdown first
    const fresh = await fx.connect((await fx.agent({ datasets: [fx.main] })).token);
    const r = await released(fresh, "crosstab", { dataset: fx.main, outcome: "spend", statistic: "mean", segment: "country" });
    await fresh.close();
    type Block = { segment?: string; display: string | null; unweighted: unknown; weighted: unknown };
    const answer = r.answer as { total: Block; segments: Block[] };
    const borduria = answer.segments.find((s) => s.segment === "Borduria")!;
    // the dominated cells (the outlier's segment and the total) carry no estimate; the others do
    for (const b of [borduria, answer.total]) expect(b).toMatchObject({ display: "dominated", unweighted: null, weighted: null });
    expect(answer.segments.find((s) => s.segment === "Carpathia")!.unweighted).not.toBeNull();
    // neither the value nor a mean close to (value + others)/n appears in the answer or its text
    const text = JSON.stringify(r);
    expect(text).not.toContain(OUTLIER.slice(0, 4));
    expect(text).not.toMatch(/(?<![\d.])2\d{5}(?:\.\d+)?(?!\d)/); // Borduria's 39-person mean would be ≈ 257,000
  });

  it("never releases a respondent id or a verbatim in any answer or error", () => {
    expect(seen.join("\n")).not.toContain(CANARY);
  });
});

describe("bad input and spent or withdrawn credentials", () => {
  it("refuses malformed arguments with a located message", async () => {
    const e = await refusal(client, "crosstab", { dataset: fx.main, outcome: 42, segment: "country", colour: "red" });
    expect(e).toMatchObject({ code: -32602, data: { code: "invalid_arguments" } });
    expect(e.data?.message).toMatch(/outcome/);
    const f = await refusal(client, "crosstab", { dataset: fx.main, outcome: "nope", outcome_category: "Yes", segment: "country" });
    expect(f.data?.code).toBe("unknown_question");
  });

  it("stops at the budget", async () => {
    const b = await fx.agent({ budget: 2 });
    const c2 = await fx.connect(b.token);
    await released(c2, "list_datasets", {});
    await released(c2, "list_benchmarks", {});
    const e = await refusal(c2, "list_datasets", {});
    expect(e).toMatchObject({ code: -32002, data: { code: "rate_limited" } });
    expect(e.data?.message).toMatch(/budget is spent/);
    await c2.close();
  });

  it("is refused at once after revocation, and an expired credential is refused", async () => {
    const { revokeAgentCredential } = await import("@/lib/auth/agent-credentials");
    const { getIdentity } = await import("@/lib/auth/server");
    const r = await fx.agent({});
    const c2 = await fx.connect(r.token);
    await released(c2, "list_datasets", {});
    expect(await revokeAgentCredential((await getIdentity()).sql, "default", r.id, fx.adminId, new Date().toISOString())).toBe(true);
    await expect(c2.callTool({ name: "list_datasets", arguments: {} })).rejects.toMatchObject({ code: 401, message: expect.stringMatching(/"code":-32001,"message":"unauthorized: this agent credential was revoked/) });
    const old = await fx.agent({ expiresInDays: 1, now: new Date(Date.now() - 3 * 86_400_000) });
    await expect(fx.connect(old.token)).rejects.toMatchObject({ code: 401, message: expect.stringMatching(/has expired/) });
    await expect(fx.connect("ssa_" + "x".repeat(43))).rejects.toMatchObject({ code: 401, message: expect.stringMatching(/send a valid agent credential/) });
  });

  it("an agent token opens nothing else, and an API token does not open the MCP server", async () => {
    const r = await fx.agent({});
    const datasets = (await import("@/app/api/datasets/route")) as unknown as Parameters<Fx["api"]>[0];
    expect((await fx.api(datasets, "GET", "/api/datasets", r.token)).status).toBe(401);
    await expect(fx.connect(fx.analystToken)).rejects.toMatchObject({ code: 401 });
  });
});

describe("the audit trail", () => {
  it("holds every call of the agent, released and refused, with tool, arguments and sponsor, and still verifies", async () => {
    const { getIdentity } = await import("@/lib/auth/server");
    const { listAudit, readChain } = await import("@/lib/audit/audit-log");
    const { verifyChain } = await import("@/lib/audit/chain");
    const sql = (await getIdentity()).sql;
    const records = await listAudit(sql, { workspaceId: "default", actor: `agent:${agentId}`, limit: 5000 });
    const details = records.map((r) => ({ result: r.result, ...(JSON.parse(r.detail) as { tool: string; outcome: string; code?: string; sponsorEmail: string; arguments: unknown }) }));
    expect(details.every((d) => d.sponsorEmail === "admin@mcp.test")).toBe(true);
    expect(details).toContainEqual(expect.objectContaining({ tool: "crosstab", outcome: "refused", code: "not_found", result: "denied", arguments: expect.objectContaining({ dataset: fx.foreign }) }));
    expect(details).toContainEqual(expect.objectContaining({ tool: "crosstab", outcome: "refused", code: "forbidden" }));
    expect(details).toContainEqual(expect.objectContaining({ tool: "crosstab", outcome: "refused", code: "invalid_arguments" }));
    expect(details).toContainEqual(expect.objectContaining({ tool: "crosstab", outcome: "released", result: "ok" }));
    expect(details).toContainEqual(expect.objectContaining({ tool: "key_drivers", outcome: "refused" }));
    const all = await listAudit(sql, { workspaceId: "default", action: "agent:tool", limit: 5000 });
    const byOutcome = (o: string) => all.filter((r) => (JSON.parse(r.detail) as { outcome: string; code?: string }).outcome === o);
    expect(byOutcome("refused").some((r) => (JSON.parse(r.detail) as { message?: string }).message?.includes("revoked"))).toBe(true);
    expect(byOutcome("refused").some((r) => (JSON.parse(r.detail) as { code?: string }).code === "rate_limited")).toBe(true);
    expect(byOutcome("refused").some((r) => (JSON.parse(r.detail) as { code?: string }).code === "unknown_tool")).toBe(true);
    expect(verifyChain(await readChain(sql))).toBeNull();
    expect(JSON.stringify(all)).not.toContain(CANARY);
  });
});
