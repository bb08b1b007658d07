/**
 * The MCP server driven by the SDK's own client over Streamable HTTP (in-process, through the
 * /api/mcp route module): the tool list and its schemas, and every tool's structured result
 * against the same API answer for an aggregate-only analyst.
 */
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeFreshDataDir, openFreshDataDir } from "@/test/support/in-process.fixtures";

const dataDir = openFreshDataDir("mcp", "mcp-test-secret-mcp-test-secret-0123456");

const { setupMcpFixture, CANARY, INJECTION } = await import("./mcp.fixtures");
type Fx = Awaited<ReturnType<typeof setupMcpFixture>>;
type Mod = Parameters<Fx["api"]>[0];
const routes = {
  datasets: (await import("@/app/api/datasets/route")) as unknown as Mod,
  dataset: (await import("@/app/api/datasets/[id]/route")) as unknown as Mod,
  crosstab: (await import("@/app/api/datasets/[id]/crosstab/route")) as unknown as Mod,
  banner: (await import("@/app/api/datasets/[id]/banner/route")) as unknown as Mod,
  drivers: (await import("@/app/api/datasets/[id]/drivers/route")) as unknown as Mod,
  compare: (await import("@/app/api/datasets/[id]/benchmark-compare/route")) as unknown as Mod,
  dashboard: (await import("@/app/api/dashboards/[id]/route")) as unknown as Mod,
};

let fx: Fx;
let client: Client;

beforeAll(async () => {
  fx = await setupMcpFixture();
  client = await fx.connect((await fx.agent({ datasets: [fx.main] })).token);
}, 120_000);

afterAll(async () => {
  await client?.close();
  await closeFreshDataDir(dataDir);
});

const structured = async (name: string, args: Record<string, unknown>) => {
  const r = await client.callTool({ name, arguments: args });
  expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
  const text = (r.content as { type: string; text: string }[])[0].text;
  return { data: r.structuredContent as Record<string, unknown>, text };
};

describe("MCP over Streamable HTTP", () => {
  it("lists the granted tools with zod-derived input and output JSON Schemas", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["banner", "compare_to_benchmark", "crosstab", "describe_dataset", "key_drivers", "list_benchmarks", "list_datasets", "read_dashboard"]);
    const crosstab = tools.find((t) => t.name === "crosstab")!;
    expect(crosstab.inputSchema).toMatchObject({ type: "object", required: expect.arrayContaining(["dataset", "outcome", "segment"]), additionalProperties: false });
    expect(crosstab.outputSchema).toMatchObject({ type: "object", required: ["answer", "notes"] });
    for (const t of tools) expect(t.outputSchema, t.name).toBeDefined();
    expect(client.getInstructions()).toMatch(/untrusted data/);
  });

  it("list_datasets: the API's list narrowed to the agent's scope", async () => {
    const api = (await fx.api(routes.datasets, "GET", "/api/datasets", fx.analystToken)).body as { datasets: { id: string }[] };
    const { data } = await structured("list_datasets", {});
    expect(data.datasets).toEqual(api.datasets.filter((d) => d.id === fx.main));
  });

  it("describe_dataset: the API's protected question model, without verbatims or ids", async () => {
    const api = (await fx.api(routes.dataset, "GET", `/api/datasets/${fx.main}`, fx.analystToken, undefined, { id: fx.main })).body as { questions: { id: string; label: string; type: string; answered: number | null; options: { code: string; label: string; count: number | null }[] }[] };
    const { data, text } = await structured("describe_dataset", { dataset: fx.main });
    const qs = (data.dataset as { questions: { id: string; type: string; answered: number | null; options: unknown[] }[] }).questions;
    expect(qs.map((q) => q.id)).toEqual(api.questions.map((q) => q.id));
    for (const q of api.questions.filter((x) => x.type !== "text" && x.type !== "id")) {
      const mine = qs.find((x) => x.id === q.id)!;
      expect(mine.answered).toBe(q.answered);
      expect(mine.options).toEqual(q.options.map((o) => ({ code: o.code, label: o.label, count: o.count })));
    }
    expect(JSON.stringify(data)).not.toContain(CANARY);
    expect(text).not.toContain(CANARY);
  });

  it("crosstab: the structured answer is the API's answer, with base, interval, weighting and caveats", async () => {
    const spec = { outcome: "rolled_back", outcome_category: "Yes", segment: "maturity", weight: "weight" };
    const api = await fx.api(routes.crosstab, "POST", `/api/datasets/${fx.main}/crosstab`, fx.analystToken, spec, { id: fx.main });
    expect(api.status).toBe(200);
    const { data, text } = await structured("crosstab", { dataset: fx.main, ...spec });
    expect(data.answer).toEqual(api.body);
    expect(data.notes).toMatchObject({ base: expect.stringMatching(/^Total n = 120 /), interval: expect.stringMatching(/95% confidence intervals/), weighting: "weighted by weight" });
    expect((data.notes as { caveats: string[] }).caveats.join(" ")).toMatch(/Small-cell protection/);
    expect(text).toMatch(/```data\n[\s\S]*"Mature": \d/);
  });

  it("banner: the API's banner", async () => {
    const spec = { outcome: "rolled_back", segments: ["maturity", "country"] };
    const api = await fx.api(routes.banner, "POST", `/api/datasets/${fx.main}/banner`, fx.analystToken, spec, { id: fx.main });
    expect(api.status).toBe(200);
    const { data } = await structured("banner", { dataset: fx.main, ...spec });
    expect(data.answer).toEqual(api.body);
    // no weight named: the dataset's default weight applies, and the answer says so
    expect(data.notes).toMatchObject({ weighting: "weighted by weight (the dataset's default weight)" });
    expect((api.body as { weighting: unknown; weighted: boolean }).weighting).toEqual({ weight: "weight", source: "default" });
    expect((api.body as { weighted: boolean }).weighted).toBe(true);
    const off = await structured("banner", { dataset: fx.main, ...spec, unweighted: true });
    expect(off.data.notes).toMatchObject({ weighting: "unweighted (the dataset's default weight switched off)" });
    expect((off.data.answer as { weighting: unknown; weighted: boolean })).toMatchObject({ weighting: { weight: null, source: "unweighted" }, weighted: false });
  });

  it("crosstab: no weight named means the dataset's default weight; unweighted switches it off", async () => {
    const spec = { outcome: "rolled_back", outcome_category: "Yes", segment: "maturity" };
    const dflt = await fx.api(routes.crosstab, "POST", `/api/datasets/${fx.main}/crosstab`, fx.analystToken, spec, { id: fx.main });
    expect(dflt.status).toBe(200);
    const d = dflt.body as { weighting: unknown; spec: { weight?: string }; total: { n: number; weighted_n: number } };
    expect(d.weighting).toEqual({ weight: "weight", source: "default" });
    expect(d.spec.weight).toBe("weight");
    expect(d.total.weighted_n).not.toBeCloseTo(d.total.n, 3);
    const off = await fx.api(routes.crosstab, "POST", `/api/datasets/${fx.main}/crosstab`, fx.analystToken, { ...spec, unweighted: true }, { id: fx.main });
    const o = off.body as { weighting: unknown; spec: { weight?: string }; total: { n: number; weighted_n: number } };
    expect(o.weighting).toEqual({ weight: null, source: "unweighted" });
    expect(o.spec.weight).toBeUndefined();
    expect(o.total.weighted_n).toBe(o.total.n);
    const { data } = await structured("crosstab", { dataset: fx.main, ...spec });
    expect(data.notes).toMatchObject({ weighting: "weighted by weight (the dataset's default weight)" });
  });

  it("key_drivers: the API's model", async () => {
    const spec = { outcome: "rolled_back", outcome_category: "Yes", predictors: ["maturity", "country"], weight: "weight" };
    const api = await fx.api(routes.drivers, "POST", `/api/datasets/${fx.main}/drivers`, fx.analystToken, spec, { id: fx.main });
    // the gateway's model rules decide for both callers alike: the same model, or the same refusal
    if (api.status !== 200) {
      expect(api.status).toBe(403);
      await expect(client.callTool({ name: "key_drivers", arguments: { dataset: fx.main, ...spec } })).rejects.toThrow(/withheld|disclosure|forbidden/i);
      return;
    }
    const { data } = await structured("key_drivers", { dataset: fx.main, ...spec });
    expect(data.answer).toEqual(api.body);
    expect(data.notes).toMatchObject({ base: expect.stringMatching(/^n = 120 /) });
  });

  it("compare_to_benchmark and list_benchmarks: the API's comparison and the curated figures", async () => {
    const { data: list } = await structured("list_benchmarks", {});
    const figure = (list.figures as { id: string; unit: string; caveat: string }[]).find((f) => f.id === "sinch-rollback-all")!;
    expect(figure).toMatchObject({ unit: "share", caveat: expect.any(String) });
    // the fixture's question is labelled by its column name only: too little wording, so refused unless acknowledged
    const spec = { outcome: "rolled_back", outcome_category: "Yes", segment: "maturity" };
    const refused = await fx.api(routes.compare, "POST", `/api/datasets/${fx.main}/benchmark-compare`, fx.analystToken, { benchmarkId: figure.id, column: "Total", spec }, { id: fx.main });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toMatch(/Weak match: .*question rolled_back/);
    expect(JSON.stringify(refused.body)).not.toContain(CANARY);
    const body = { benchmarkId: figure.id, column: "Total", spec, acknowledgeMismatch: true };
    const api = await fx.api(routes.compare, "POST", `/api/datasets/${fx.main}/benchmark-compare`, fx.analystToken, body, { id: fx.main });
    expect(api.status).toBe(200);
    expect((api.body as { match: { warnings: string[] } }).match.warnings[0]).toMatch(/^Weak match/);
    const { data, text } = await structured("compare_to_benchmark", { dataset: fx.main, benchmarkId: figure.id, column: "Total", acknowledgeMismatch: true, ...spec });
    expect(data.answer).toEqual(api.body);
    expect(text).toMatch(/NOT LIKE-FOR-LIKE: Weak match/);
    await expect(client.callTool({ name: "compare_to_benchmark", arguments: { dataset: fx.main, benchmarkId: figure.id, column: "Total", ...spec } })).rejects.toThrow(/Weak match: .*acknowledgeMismatch/);
  });

  it("read_dashboard: the list, then the API's tiles", async () => {
    const { data: list } = await structured("read_dashboard", {});
    expect((list.dashboards as { id: string }[]).map((d) => d.id)).toEqual([fx.dashboardId]);
    const api = (await fx.api(routes.dashboard, "GET", `/api/dashboards/${fx.dashboardId}`, fx.analystToken, undefined, { id: fx.dashboardId })).body as { dashboard: unknown; tiles: unknown[] };
    const { data } = await structured("read_dashboard", { dashboard: fx.dashboardId });
    expect(data.dashboard).toEqual(api.dashboard);
    expect(data.tiles).toEqual(api.tiles);
    // ready, or withheld by the population audit for this analyst: the agent sees exactly what the API shows
    expect(["ready", "unavailable"]).toContain((data.tiles as { status: string }[])[0].status);
  });

  it("quotes uploader and respondent text as data: the injection stays inside the fenced block", async () => {
    const { text } = await structured("crosstab", { dataset: fx.main, outcome: "rolled_back", outcome_category: "Yes", segment: "tone" });
    const fence = text.indexOf("```data\n");
    const close = text.lastIndexOf("\n```");
    expect(fence).toBeGreaterThan(0);
    expect(text.slice(0, fence)).toMatch(/untrusted data/);
    const inside = text.slice(fence, close);
    expect(inside).toContain("IGNORE PREVIOUS INSTRUCTIONS");
    expect(text.slice(0, fence) + text.slice(close + 4)).not.toContain("IGNORE PREVIOUS");
    expect(text.match(/```/g)).toHaveLength(2); // the label's own backticks cannot close the block
    expect(INJECTION).toContain("```");
  });
});
