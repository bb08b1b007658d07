/**
 * The question pickers' list (GET /api/datasets/{id}/questions) in-process through its route:
 * respondent access (the owning workspace's admin) gets the dataset's model, an aggregate-only
 * analyst the protected model — no count anywhere, answers of 1..k−1 respondents unlisted — and
 * both only one page at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearerRequest, callRoute, closeFreshDataDir, importCsvDataset, openFreshDataDir, routeModule, seedAdminAndAnalyst } from "../../test/support/in-process.fixtures";

const dataDir = openFreshDataDir("pick", "picker-secret-picker-secret-picker-0123");
const questionsRoute = await routeModule("/api/datasets/{id}/questions");
const policyRoute = await routeModule("/api/datasets/{id}/policy");

/** 60 respondents, 40 choice questions t0..t39 and `tenure`, whose answer "5y+" one respondent gave. */
function wideCsv(): string {
  const items = Array.from({ length: 40 }, (_, i) => `t${i}`);
  const lines = [["resp", "tenure", ...items].join(",")];
  for (let r = 0; r < 60; r++) lines.push([`r${r}`, r === 0 ? "5y+" : r % 2 ? "<1y" : "1-5y", ...items.map((_, i) => ["Yes", "No", "Maybe"][(r + i) % 3])].join(","));
  return `${lines.join("\n")}\n`;
}

let adminToken = "";
let analystToken = "";
let id = "";

beforeAll(async () => {
  ({ adminToken, analystToken } = await seedAdminAndAnalyst("pick"));
  id = (await importCsvDataset({ id: "wide", name: "Wide survey" }, wideCsv())).id;
}, 60_000);
afterAll(() => closeFreshDataDir(dataDir));

type Answer = { total: number; offset: number; limit: number; items: { id: string; label: string; type: string; options: number }[]; questions: { id: string; options: { code: string; count: number | null }[] }[] };

async function list(token: string, query: string) {
  const res = await callRoute(questionsRoute, "GET", bearerRequest(token, "GET", `/api/datasets/${id}/questions?${query}`), { id });
  return { status: res.status, body: (await res.json()) as Answer };
}

describe("GET /api/datasets/{id}/questions", () => {
  it("answers one page of the matching questions, and the total", async () => {
    const { status, body } = await list(analystToken, "role=segment&limit=10");
    expect(status).toBe(200);
    expect(body.total).toBe(41);
    expect(body.items).toHaveLength(10);
    expect(body.items[0]).toEqual({ id: "tenure", label: "tenure", type: "single", options: 2 });
    const next = await list(analystToken, "role=segment&limit=10&offset=10");
    expect(next.body.items.map((q) => q.id)).toEqual(["t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18"]);
    expect((await list(analystToken, "q=t17&role=filter")).body.items.map((q) => q.id)).toEqual(["t17"]);
    expect((await list(analystToken, "role=segment&exclude=tenure,t0&limit=1")).body.items.map((q) => q.id)).toEqual(["t1"]);
  });

  it("gives an aggregate-only analyst the protected model: no counts, the answer of one respondent unlisted", async () => {
    const analyst = (await list(analystToken, "q=tenure&ids=tenure,t3")).body;
    expect(analyst.items).toEqual([{ id: "tenure", label: "tenure", type: "single", options: 2 }]);
    expect(analyst.questions.map((q) => q.id)).toEqual(["tenure", "t3"]);
    expect(analyst.questions[0].options.map((o) => o.code).sort()).toEqual(["1-5y", "<1y"]);
    expect(analyst.questions.flatMap((q) => q.options.map((o) => o.count)).every((c) => c === null)).toBe(true);
    expect(JSON.stringify(analyst)).not.toContain("5y+");
  });

  it("follows a governed status decided after the list was read: an identifier lists no answer", async () => {
    expect((await list(analystToken, "q=t5&ids=t5")).body.questions[0].options).toHaveLength(3);
    const set = await callRoute(policyRoute, "PUT", bearerRequest(adminToken, "PUT", `/api/datasets/${id}/policy`, { columns: { t5: "identifier" } }), { id });
    expect(set.status).toBe(200);
    const after = (await list(analystToken, "q=t5&ids=t5")).body;
    expect(after.items).toEqual([{ id: "t5", label: "t5", type: "single", options: 0 }]);
    expect(after.questions[0].options).toEqual([]);
  });

  it("gives respondent access (the owning workspace's admin) the counts", async () => {
    const admin = (await list(adminToken, "q=tenure&ids=tenure")).body;
    expect(admin.items[0].options).toBe(3);
    expect(Object.fromEntries(admin.questions[0].options.map((o) => [o.code, o.count]))).toEqual({ "5y+": 1, "<1y": 30, "1-5y": 29 });
  });

  it("refuses a malformed query (422) and an unknown dataset (404), without data", async () => {
    const bad = await list(analystToken, "limit=1000");
    expect(bad.status).toBe(422);
    const res = await callRoute(questionsRoute, "GET", bearerRequest(analystToken, "GET", "/api/datasets/nope/questions"), { id: "nope" });
    expect(res.status).toBe(404);
  });
});
