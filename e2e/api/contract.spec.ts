import { request as newRequest, type APIRequestContext } from "@playwright/test";
import { buildOpenApiDocument } from "@/lib/schema/openapi";
import { RESPONDENT_EXPORT_FORMATS } from "@/lib/schema/respondent-export";
import { expect, test } from "../fixtures";
import { E2E_ADMIN } from "../e2e-admin";
import { Contract } from "./openapi-contract";

/**
 * The contract: every operation of /api/openapi.json is called with a valid request, signed in as
 * the e2e admin, and each answer's status, content type and JSON body are checked against the
 * document (ajv, JSON Schema 2020-12). The last test fails if any documented operation went
 * uncalled. Mutations act on a dataset, users, a workspace, views and a dashboard this spec makes.
 * CONTRACT_DOC=local checks against lib/schema's document instead of the served one (iterating on
 * schemas without a rebuild); otherwise the served document must equal it.
 */

test.describe.configure({ mode: "serial" });

const DEMO = "ai-agents-production";
const STAMP = Date.now().toString(36);
const USER = { email: `contract-${STAMP}@e2e.surveyscope.test`, password: "contract-password-0123" };
const HEADLINE = { outcome: "rolled_back", outcome_category: "Yes", segment: "guardrail_maturity", weight: "weight" };

/** 90 respondents: a segment, a yes/no, a 0–10 score, an amount and a weight (deterministic). */
function contractCsv(): string {
  const rows = ["seg,yes,score,amount,w"];
  for (let i = 0; i < 90; i++) {
    const seg = ["a", "b", "c"][i % 3];
    rows.push(`${seg},${i % 4 === 0 || (seg === "a" && i % 2 === 0) ? "Yes" : "No"},${(i * 7) % 11},${10 + ((i * 13) % 37)},${(1 + (i % 5) / 10).toFixed(1)}`);
  }
  return rows.join("\n") + "\n";
}

let contract: Contract;
let api: APIRequestContext;
const state: { dataset?: string; streamed?: string; workspace?: string; token?: string; tokenId?: string } = {};

function baseUrl(): string {
  return String(test.info().project.use.baseURL);
}

async function freshContext(headers: Record<string, string> = {}): Promise<APIRequestContext> {
  return newRequest.newContext({ baseURL: baseUrl(), storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { origin: baseUrl(), ...headers } });
}

test.beforeAll(async () => {
  const local = JSON.parse(JSON.stringify(buildOpenApiDocument()));
  // signed in through the API (no browser needed): the session cookie stays in this context
  api = await freshContext();
  const served = await (await api.get("/api/openapi.json")).json();
  if (process.env.CONTRACT_DOC !== "local") expect(served, "the served document is lib/schema's").toEqual(local);
  contract = new Contract(process.env.CONTRACT_DOC === "local" ? local : served);
  contract.check("GET", "/api/openapi.json", await api.get("/api/openapi.json"), JSON.stringify(served));
  await contract.call(api, "POST", "/api/auth/sign-in/email", 200, { data: E2E_ADMIN });
});

test.afterAll(async () => {
  await api?.dispose();
});

test("system and auth: health, sign-in, session, sign-out, the caller", async () => {
  const request = api;
  await contract.call(request, "GET", "/api/health", 200);
  const browser = await freshContext();
  await contract.call(browser, "GET", "/api/auth/get-session", 200);
  await contract.call(browser, "POST", "/api/auth/sign-in/email", 200, { data: E2E_ADMIN });
  const session = (await contract.call(browser, "GET", "/api/auth/get-session", 200)) as { user: { email: string } };
  expect(session.user.email).toBe(E2E_ADMIN.email);
  await contract.call(browser, "POST", "/api/auth/sign-out", 200, { data: {} });
  expect(await contract.call(browser, "GET", "/api/auth/get-session", 200)).toBeNull();
  await contract.call(browser, "GET", "/api/me", 401);
  await browser.dispose();
  const me = (await contract.call(request, "GET", "/api/me", 200)) as { via: string };
  expect(me.via).toBe("session");
});

test("datasets: upload (plain and streamed), read, edit, weight, derive", async () => {
  const request = api;
  const csv = contractCsv();
  const octet = { "content-type": "application/octet-stream" };
  const created = (await contract.call(request, "POST", `/api/datasets?name=contract-${STAMP}&fileName=contract.csv`, 201, { data: Buffer.from(csv), headers: octet })) as { id: string };
  state.dataset = created.id;
  const streamRes = await request.post(`/api/datasets?name=contract-stream-${STAMP}`, { data: Buffer.from(csv), headers: { ...octet, accept: "application/x-ndjson" } });
  const streamText = await streamRes.text();
  expect(streamRes.status()).toBe(200);
  contract.check("POST", "/api/datasets", streamRes, streamText);
  const done = streamText.trim().split("\n").map((l) => JSON.parse(l) as { type: string; dataset?: { id: string } }).at(-1);
  expect(done?.type).toBe("done");
  state.streamed = done?.dataset?.id;

  const list = (await contract.call(request, "GET", "/api/datasets", 200)) as { datasets: { id: string }[] };
  expect(list.datasets.map((d) => d.id)).toEqual(expect.arrayContaining([DEMO, state.dataset]));
  await contract.call(request, "GET", `/api/datasets/${DEMO}`, 200);
  await contract.call(request, "GET", "/api/datasets/no-such-dataset", 404);
  // the question pickers' list: a page, a search, the named questions' answers, a malformed query
  const picked = (await contract.call(request, "GET", `/api/datasets/${DEMO}/questions?q=country&role=segment&limit=5&ids=country,agent_status`, 200)) as { total: number; items: { id: string }[]; questions: { id: string }[] };
  expect(picked.items[0].id).toBe("country");
  expect(picked.questions.map((q) => q.id)).toEqual(["country", "agent_status"]);
  await contract.call(request, "GET", `/api/datasets/${DEMO}/questions?offset=30`, 200);
  await contract.call(request, "GET", `/api/datasets/${DEMO}/questions?limit=0`, 422);
  await contract.call(request, "GET", "/api/datasets/no-such-dataset/questions", 404);
  await contract.call(request, "PUT", `/api/datasets/${state.dataset}/questions`, 200, { data: { questions: [] } });
  // a file not valid UTF-8 is read in a guessed encoding and kept; re-read in another as the next version
  const latin = (await contract.call(request, "POST", `/api/datasets?name=contract-latin-${STAMP}&fileName=latin.csv`, 201, { data: Buffer.from(`${csv.split("\n")[0]},city\n${csv.split("\n").slice(1, -1).map((l, i) => `${l},${i % 2 ? "Montr\u00e9al" : "Z\u00fcrich"}`).join("\n")}\n`, "latin1"), headers: octet })) as { id: string; encoding: string; version: number };
  expect(latin.encoding).toBe("windows-1252");
  const reread = (await contract.call(request, "POST", `/api/datasets/${latin.id}/encoding`, 200, { data: { encoding: "windows-1250", version: latin.version } })) as { encoding: string; version: number };
  expect(reread).toMatchObject({ encoding: "windows-1250", version: latin.version + 1 });
  await contract.call(request, "POST", `/api/datasets/${latin.id}/encoding`, 409, { data: { encoding: "utf-8", version: latin.version } });
  const scheme = { method: "rake", targets: { seg: { a: 0.3, b: 0.3, c: 0.4 } } };
  await contract.call(request, "POST", `/api/datasets/${state.dataset}/weights`, 200, { data: { name: "contract preview", preview: true, scheme } });
  await contract.call(request, "POST", `/api/datasets/${state.dataset}/weights`, 201, { data: { name: "contract rake", scheme } });
  const derived = { id: "seg_ab", label: "Segment a or b", source: "seg", groups: [{ code: "AB", from: ["a", "b"] }, { code: "C", from: ["c"] }] };
  await contract.call(request, "POST", `/api/datasets/${state.dataset}/derived`, 201, { data: derived });
});

test("analysis: crosstab (share, mean, R script), banner with letter marks, NPS, insights, drivers, benchmark", async () => {
  const request = api;
  const share = (await contract.call(request, "POST", `/api/datasets/${DEMO}/crosstab`, 200, { data: HEADLINE })) as { disclosure: { k: number } };
  expect(share.disclosure.k).toBeGreaterThan(0);
  await contract.call(request, "POST", `/api/datasets/${DEMO}/crosstab?emit=r`, 200, { data: HEADLINE });
  await contract.call(request, "POST", `/api/datasets/${state.dataset}/crosstab`, 200, { data: { outcome: "amount", statistic: "mean", segment: "seg" } });
  await contract.call(request, "POST", `/api/datasets/${DEMO}/crosstab`, 422, { data: { segment: "country" } });

  const banner = (await contract.call(request, "POST", `/api/datasets/${DEMO}/banner`, 200, {
    data: { outcome: "rolled_back", segments: ["guardrail_maturity", "country"], weight: "weight" },
  })) as { rows: { cells: { marks?: unknown[] }[] }[] };
  // the documented marks were validated above: a real banner carries some
  expect(banner.rows.flatMap((r) => r.cells).some((c) => (c.marks?.length ?? 0) > 0)).toBe(true);

  await contract.call(request, "POST", `/api/datasets/${state.dataset}/nps`, 200, { data: { outcome: "score", segment: "seg" } });
  await contract.call(request, "POST", `/api/datasets/${DEMO}/insights`, 200, { data: { outcome: "rolled_back", outcome_category: "Yes", weight: "weight" } });
  await contract.call(request, "POST", `/api/datasets/${DEMO}/drivers`, 200, {
    data: { outcome: "rolled_back", outcome_category: "Yes", predictors: ["guardrail_maturity", "company_size"], weight: "weight" },
  });
  await contract.call(request, "POST", `/api/datasets/${DEMO}/benchmark-compare`, 200, {
    data: { benchmarkId: "sinch-rollback-shipped", column: "Total", spec: { ...HEADLINE, filters: { agent_status: ["Live in production"] } } },
  });
});

test("exports: crosstab, banner and respondent files", async () => {
  const request = api;
  await contract.call(request, "POST", `/api/datasets/${DEMO}/crosstab/export?format=csv`, 200, { data: HEADLINE });
  await contract.call(request, "POST", `/api/datasets/${DEMO}/banner/export?format=xlsx`, 200, { data: { outcome: "rolled_back", segments: ["guardrail_maturity"], weight: "weight" } });
  await contract.call(request, "POST", `/api/datasets/${state.dataset}/respondents/export`, 200, { data: { columns: ["seg", "yes"] } });
  for (const format of RESPONDENT_EXPORT_FORMATS) {
    await contract.call(request, "POST", `/api/datasets/${state.dataset}/respondents/export?format=${format}`, 200, { data: { columns: ["seg", "yes", "score"] } });
  }
});

test("views and dashboards: save, list, read (tiles ready, banner and unavailable), edit, deck, delete", async () => {
  const request = api;
  const save = async (name: string, query: string) =>
    ((await contract.call(request, "POST", "/api/views", 201, { data: { datasetId: DEMO, name, query } })) as { view: { id: string } }).view.id;
  const single = await save("contract breakdown", "outcome=rolled_back&category=Yes&segment=guardrail_maturity&weight=weight");
  const banner = await save("contract banner", "view=banner&outcome=rolled_back&segments=guardrail_maturity,country&weight=weight");
  const gone = await save("contract deleted", "outcome=rolled_back&category=Yes&segment=country");
  await contract.call(request, "GET", `/api/views?dataset=${DEMO}`, 200);
  await contract.call(request, "GET", `/api/views/${single}`, 200);

  const tiles = [single, banner, gone].map((viewId) => ({ viewId, size: "half" }));
  const created = (await contract.call(request, "POST", "/api/dashboards", 201, { data: { name: `contract ${STAMP}`, tiles } })) as { dashboard: { id: string } };
  const id = created.dashboard.id;
  await contract.call(request, "DELETE", `/api/views/${gone}`, 204);
  await contract.call(request, "GET", "/api/dashboards", 200);
  const detail = (await contract.call(request, "GET", `/api/dashboards/${id}`, 200)) as { tiles: { status: string; banner?: unknown }[] };
  expect(detail.tiles.map((t) => t.status)).toEqual(["ready", "ready", "unavailable"]);
  expect(detail.tiles[1].banner).toBeTruthy();
  await contract.call(request, "GET", `/api/dashboards/${id}?filter=${encodeURIComponent("country=Germany|France")}`, 200);
  await contract.call(request, "GET", `/api/dashboards/${id}?filter=country`, 400);
  await contract.call(request, "PUT", `/api/dashboards/${id}`, 200, { data: { name: `contract ${STAMP} edited`, tiles: tiles.slice(0, 2).reverse() } });
  await contract.call(request, "GET", `/api/dashboards/${id}/deck`, 200);
  await contract.call(request, "GET", `/api/dashboards/${id}/deck?format=pdf`, 200);
  await contract.call(request, "GET", `/api/dashboards/${id}/deck?format=docx`, 400);
  await contract.call(request, "DELETE", `/api/dashboards/${id}`, 204);
  await contract.call(request, "DELETE", `/api/views/${single}`, 204);
  await contract.call(request, "DELETE", `/api/views/${banner}`, 204);
});

test("administration: users, workspaces, members, tokens, shares, audit, switching workspace", async () => {
  const request = api;
  await contract.call(request, "POST", "/api/admin/users", 201, { data: { ...USER, role: "viewer" } });
  await contract.call(request, "GET", "/api/admin/users", 200);
  await contract.call(request, "PATCH", "/api/admin/users", 200, { data: { email: USER.email, role: "analyst" } });

  const ws = (await contract.call(request, "POST", "/api/admin/workspaces", 201, { data: { name: `contract ${STAMP}` } })) as { workspace: { id: string } };
  state.workspace = ws.workspace.id;
  await contract.call(request, "GET", "/api/admin/workspaces", 200);
  const members = `/api/admin/workspaces/${state.workspace}/members`;
  await contract.call(request, "POST", members, 201, { data: { email: USER.email, role: "viewer" } });
  await contract.call(request, "POST", members, 200, { data: { email: USER.email, role: "analyst" } });
  await contract.call(request, "DELETE", `${members}?email=${encodeURIComponent(USER.email)}`, 200);

  const token = (await contract.call(request, "POST", "/api/admin/tokens", 201, { data: { email: USER.email, role: "viewer" } })) as { id: string; token: string };
  await contract.call(request, "GET", "/api/admin/tokens", 200);
  const bearer = await freshContext({ authorization: `Bearer ${token.token}` });
  const viaToken = (await contract.call(bearer, "GET", "/api/me", 200)) as { via: string; role: string };
  expect(viaToken).toMatchObject({ via: "token", role: "viewer" });
  await contract.call(bearer, "POST", "/api/views", 403, { data: { datasetId: DEMO, name: "not allowed", query: "outcome=rolled_back" } });
  await bearer.dispose();
  await contract.call(request, "DELETE", `/api/admin/tokens?id=${encodeURIComponent(token.id)}`, 200);

  // AI agents: a credential (shown once), the MCP endpoint with it (JSON-RPC), revoked → 401
  const agent = (await contract.call(request, "POST", "/api/admin/agents", 201, {
    data: { name: `contract ${STAMP}`, datasets: [DEMO], tools: ["list_datasets", "crosstab"], expiresInDays: 1, budget: 10 },
  })) as { agent: { id: string }; token: string };
  await contract.call(request, "GET", "/api/admin/agents", 200);
  const agentCtx = await freshContext({ authorization: `Bearer ${agent.token}`, accept: "application/json, text/event-stream" });
  const rpc = (method: string, params: unknown) => ({ data: { jsonrpc: "2.0", id: 1, method, params } });
  await contract.call(agentCtx, "POST", "/api/mcp", 200, rpc("initialize", { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "contract", version: "1" } }));
  const listed = (await contract.call(agentCtx, "POST", "/api/mcp", 200, rpc("tools/list", {}))) as { result: { tools: { name: string }[] } };
  expect(listed.result.tools.map((t) => t.name)).toEqual(["list_datasets", "crosstab"]);
  const called = (await contract.call(agentCtx, "POST", "/api/mcp", 200, rpc("tools/call", { name: "crosstab", arguments: { dataset: DEMO, ...HEADLINE } }))) as { result: { structuredContent: { answer: unknown } } };
  expect(called.result.structuredContent.answer).toMatchObject({ statistic: "proportion", dataset: { id: DEMO } });
  await contract.call(request, "DELETE", `/api/admin/agents?id=${encodeURIComponent(agent.agent.id)}`, 200);
  await contract.call(agentCtx, "POST", "/api/mcp", 401, rpc("tools/list", {}));
  await agentCtx.dispose();

  const shares = `/api/datasets/${state.dataset}/shares`;
  await contract.call(request, "POST", shares, 201, { data: { workspace: state.workspace } });
  await contract.call(request, "GET", shares, 200);
  await contract.call(request, "DELETE", `${shares}?workspace=${encodeURIComponent(state.workspace)}`, 200);

  // confidentiality policy: read on the demo, set on the contract's own upload (the admin may)
  await contract.call(request, "GET", `/api/datasets/${DEMO}/policy`, 200);
  await contract.call(request, "PUT", `/api/datasets/${state.dataset}/policy`, 200, { data: { policy: "open" } });
  await contract.call(request, "PUT", `/api/datasets/${state.dataset}/policy`, 200, { data: { policy: "perturbed" } });
  await contract.call(request, "PUT", `/api/datasets/${state.dataset}/policy`, 200, { data: { policy: "protected" } });
  // the governed identifier / quasi-identifier status (admins of the owning workspace)
  await contract.call(request, "PUT", `/api/datasets/${state.dataset}/policy`, 200, { data: { columns: { seg: "quasi" } } });
  // invitations: the admin has none; answering an unknown one looks absent
  await contract.call(request, "GET", "/api/me/invitations", 200);
  await contract.call(request, "POST", "/api/me/invitations/inv_unknown/accept", 404);
  await contract.call(request, "DELETE", "/api/me/invitations/inv_unknown", 404);

  // a new user with a one-time link: the public link routes, the password link, deactivation
  const invited = (await contract.call(request, "POST", "/api/admin/users", 201, { data: { email: `invited-${STAMP}@e2e.surveyscope.test`, role: "viewer" } })) as { user: { id: string }; invite: { url: string } };
  const secret = invited.invite.url.split("#")[1];
  const anonymous = await freshContext({});
  expect(await contract.call(anonymous, "POST", "/api/account-links/check", 200, { data: { token: secret } })).toEqual({ usable: true });
  await contract.call(anonymous, "POST", "/api/account-links/redeem", 200, { data: { token: secret, password: "contract-password-0123" } });
  await contract.call(anonymous, "POST", "/api/account-links/redeem", 400, { data: { token: secret, password: "contract-password-0123" } });
  await anonymous.dispose();
  await contract.call(request, "POST", `/api/admin/users/${invited.user.id}/password-link`, 201, { data: {} });
  await contract.call(request, "PUT", `/api/admin/users/${invited.user.id}/status`, 200, { data: { active: false } });
  await contract.call(request, "PUT", `/api/admin/users/${invited.user.id}/status`, 200, { data: { active: true } });
  await contract.call(request, "GET", "/api/audit?action=dataset:share", 200);
  await contract.call(request, "GET", "/api/audit?from=2020-01-01&before=1000000", 200);
  await contract.call(request, "GET", "/api/audit?format=csv", 200);

  // the workspace cookie lives in this context only: switch there and back
  await contract.call(request, "POST", "/api/me/workspace", 200, { data: { workspaceId: state.workspace } });
  await contract.call(request, "POST", "/api/me/workspace", 200, { data: { workspaceId: "default" } });
  // the typed confirmation, then the deletion of the contract's workspace (with its members and shares)
  await contract.call(request, "DELETE", `/api/admin/workspaces/${state.workspace}`, 422, { data: { confirm: "not its name" } });
  await contract.call(request, "DELETE", `/api/admin/workspaces/${state.workspace}`, 200, { data: { confirm: `contract ${STAMP}` } });
});

test("clean up, and every documented operation was exercised", async () => {
  const request = api;
  for (const id of [state.dataset, state.streamed]) if (id) await contract.call(request, "DELETE", `/api/datasets/${id}`, 204);
  const missing = contract.operations().filter((op) => !contract.exercised.has(op));
  expect(missing, "documented operations this spec never called").toEqual([]);
});
