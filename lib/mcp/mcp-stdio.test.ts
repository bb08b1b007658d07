/**
 * The MCP server on stdio (`cli mcp --token …`), driven by the SDK's own client: the process
 * forwards to a running server (`--url`), or opens the same store itself (this test closes its own
 * connection first: DuckDB allows one process),
 * lists the granted tools, answers a crosstab equal to the API's, refuses an unknown tool with a
 * structured error, and its calls are in the audit trail with transport "stdio".
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openFreshDataDir } from "@/test/support/in-process.fixtures";

const dataDir = openFreshDataDir("mcp-stdio", "mcp-stdio-secret-mcp-stdio-secret-012345");

const ROOT = path.resolve(import.meta.dirname, "../..");
const SPEC = { outcome: "rolled_back", outcome_category: "Yes", segment: "maturity", weight: "weight" };
const g = globalThis as unknown as Record<string, unknown>;

/** Close this process's store so another process can open the DuckDB file (and reopen it later). */
async function releaseStore() {
  const { getStore } = await import("@/lib/store");
  await (await getStore()).close();
  for (const k of ["__surveyscopeStore", "__surveyscopeIdentity", "__surveyscopeBudget"]) delete g[k];
}

let apiAnswer: unknown;

const roundDeep = (v: unknown): unknown =>
  typeof v === "number" ? Number(v.toPrecision(12)) : Array.isArray(v) ? v.map(roundDeep) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, roundDeep(x)])) : v;
let agentId = "";
let token = "";

beforeAll(async () => {
  const { setupMcpFixture } = await import("./mcp.fixtures");
  const fx = await setupMcpFixture();
  const crosstab = (await import("@/app/api/datasets/[id]/crosstab/route")) as unknown as Parameters<typeof fx.api>[0];
  apiAnswer = (await fx.api(crosstab, "POST", `/api/datasets/${fx.main}/crosstab`, fx.analystToken, SPEC, { id: fx.main })).body;
  ({ id: agentId, token } = await fx.agent({ datasets: [fx.main], tools: ["list_datasets", "crosstab"] }));
}, 120_000);

afterAll(async () => {
  await releaseStore().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The /api/mcp route module behind a real HTTP listener (for the CLI's forwarding mode). */
async function listen(): Promise<{ url: string; close: () => Promise<void> }> {
  const route = (await import("@/app/api/mcp/route")) as unknown as { POST: (req: Request, ctx: { params: Promise<object> }) => Promise<Response> };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : [])));
    const answer = req.method === "POST" ? await route.POST(new Request(`http://localhost${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }), { params: Promise.resolve({}) }) : new Response(null, { status: 405 });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/api/mcp`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const cli = (args: string[], env: Record<string, string> = {}) =>
  new StdioClientTransport({
    command: path.join(ROOT, "node_modules/.bin/tsx"),
    args: ["--conditions=react-server", "cli/main.ts", "mcp", ...args],
    cwd: ROOT,
    env: { ...(process.env as Record<string, string>), DATA_DIR: dataDir, ...env },
    stderr: "pipe",
  });

describe("MCP over stdio (CLI)", () => {
  it("forwards to a running server with --url (the token from the environment)", async () => {
    const server = await listen();
    const transport = cli(["--url", server.url], { SURVEYSCOPE_AGENT_TOKEN: token });
    const client = new Client({ name: "surveyscope-stdio-proxy-test", version: "1.0.0" });
    try {
      await client.connect(transport);
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(["list_datasets", "crosstab"]);
      const r = await client.callTool({ name: "crosstab", arguments: { dataset: "agent-main", ...SPEC } });
      expect((r.structuredContent as { answer: unknown }).answer).toEqual(apiAnswer);
      await expect(client.callTool({ name: "banner", arguments: {} })).rejects.toMatchObject({ code: -32602, data: { code: "unknown_tool" } });
    } finally {
      await client.close();
      await server.close();
    }
  }, 120_000);

  it("serves the granted tools, the API's crosstab and structured refusals, then exits when the client closes", async () => {
    await releaseStore();
    const transport = cli(["--token", token]);
    const client = new Client({ name: "surveyscope-stdio-test", version: "1.0.0" });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual(["list_datasets", "crosstab"]);
      const r = await client.callTool({ name: "crosstab", arguments: { dataset: "agent-main", ...SPEC } });
      // another process sums in another order (DuckDB's parallel SUM): equal to 12 significant digits
      expect(roundDeep((r.structuredContent as { answer: unknown }).answer)).toEqual(roundDeep(apiAnswer));
      await expect(client.callTool({ name: "banner", arguments: {} })).rejects.toMatchObject({ code: -32602, data: { code: "unknown_tool" } });
    } finally {
      await client.close();
    }
    // the child has exited and released the file: the calls are on the record
    const { getIdentity } = await import("@/lib/auth/server");
    const { listAudit } = await import("@/lib/audit/audit-log");
    const records = await listAudit((await getIdentity()).sql, { workspaceId: "default", actor: `agent:${agentId}` });
    const details = records.map((x) => JSON.parse(x.detail) as { tool: string; outcome: string; transport: string });
    expect(details).toEqual(
      expect.arrayContaining([expect.objectContaining({ tool: "crosstab", outcome: "released", transport: "stdio" }), expect.objectContaining({ tool: "banner", outcome: "refused", transport: "stdio" })]),
    );
  }, 120_000);
});
