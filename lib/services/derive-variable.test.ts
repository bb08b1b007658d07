import fs from "node:fs";
import path from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Dataset } from "@/lib/schema/dataset";
import { questionOverridesSchema } from "@/lib/schema/question-overrides";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { deriveVariable } from "./derive-variable";
import { importDataset } from "./import-dataset";

const DEMO = path.join(process.cwd(), "data", "demo");
const csv = fs.readFileSync(path.join(DEMO, "ai-agents-production.csv"), "utf8");
const [header, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
const col = (name: string) => rows.map((r) => r[header.indexOf(name)]);

let store: DuckDbStore;
let ds: Dataset;
beforeAll(async () => {
  store = await DuckDbStore.open(":memory:");
  ds = await importDataset(store, {
    meta: { id: "demo", name: "demo", owner: "t", fileName: "ai-agents-production.csv" },
    source: fs.createReadStream(path.join(DEMO, "ai-agents-production.csv")),
    overrides: questionOverridesSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO, "ai-agents-production.questions.json"), "utf8"))),
  });
});
afterAll(() => store.close());

test("a recode groups codes into a new question on a new version, with lineage", async () => {
  const yes = ["Live in production", "Planning to deploy within 12 months"];
  const { dataset, question } = await deriveVariable(store, ds, {
    id: "live_or_planning",
    label: "Live or planning within 12 months",
    source: "agent_status",
    groups: [
      { code: "Yes", from: yes },
      { code: "No", from: ["Piloting", "No plans within 12 months"] },
    ],
  });
  const status = col("agent_status");
  expect(question.options.find((o) => o.code === "Yes")?.count).toBe(status.filter((s) => yes.includes(s)).length);
  expect(question.answered).toBe(status.filter((s) => s !== "").length);
  expect(dataset.version).toBe(ds.version + 1);
  expect(dataset.lineage.at(-1)).toMatchObject({ kind: "derived", fromVersion: ds.version, recipe: { source: "agent_status" } });
  // the earlier version is untouched
  expect((await store.getDataset("demo"))?.questions.some((q) => q.id === "live_or_planning")).toBe(true);
  expect(ds.questions.some((q) => q.id === "live_or_planning")).toBe(false);
});

test("a NET of multi-select options counts respondents choosing any of them", async () => {
  const current = (await store.getDataset("demo"))!;
  const opts = ["Trust, security and compliance", "AI development"];
  const { question } = await deriveVariable(store, current, { id: "trust_or_ai", label: "Trust or AI", source: "investment_focus", groups: [{ code: "Any", from: opts }] });
  const cells = col("investment_focus");
  // ';'-joined, and the option "Trust, security and compliance" contains a comma: match whole options
  const expected = cells.filter((c) => c.split(";").some((t) => opts.includes(t))).length;
  expect(question.options[0].count).toBe(expected);
});

test("unknown sources, codes and clashing ids get clear messages", async () => {
  const current = (await store.getDataset("demo"))!;
  await expect(deriveVariable(store, current, { id: "x", label: "x", source: "nope", groups: [{ code: "a", from: ["b"] }] })).rejects.toThrow("unknown source question: nope");
  await expect(deriveVariable(store, current, { id: "x", label: "x", source: "agent_status", groups: [{ code: "a", from: ["Maybe"] }] })).rejects.toThrow("not an option of agent_status: Maybe");
  await expect(deriveVariable(store, current, { id: "country", label: "x", source: "agent_status", groups: [{ code: "a", from: ["Piloting"] }] })).rejects.toThrow("exists: country");
});
