/**
 * The bulk path stores columns with few distinct values as DuckDB ENUMs (bulk-load.ts `store`),
 * the streaming path as VARCHAR. Every store operation must answer the same on both: crosstabs
 * (filters, weights, multi-select options), value counts, filtered row reads, derived versions.
 * The ENUM lists its values in byte order, so sorting and min/max read as VARCHAR would.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { generate } from "@/bench/generate";
import { crosstabQueries, multiQueries, type CrosstabQuery } from "@/bench/schema";
import { ingestBulk } from "@/lib/ingest/bulk/bulk-ingest";
import { ingest } from "@/lib/ingest/ingest";
import type { Dataset } from "@/lib/schema/dataset";
import { runCrosstab } from "@/lib/services/crosstab";
import { duckdbDialect } from "../sql/dialect";
import { enumType } from "./bulk-load";
import { DuckDbStore } from "./duckdb-store";

let dir: string;
let store: DuckDbStore;
let streamed: Dataset;
let bulk: Dataset;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "dictionary-columns-"));
  store = await DuckDbStore.open(path.join(dir, "s.duckdb"));
  const file = path.join(dir, "survey.csv");
  await generate(3000, file);
  const meta = (id: string) => ({ id, name: id, owner: "test", fileName: "survey.csv" });
  streamed = await store.importDataset(meta("streamed"), (sink) => ingest(fs.createReadStream(file), sink, { fileName: "survey.csv" }));
  let took = false;
  bulk = await store.importDataset(meta("bulk"), (sink) =>
    ingestBulk({ source: fs.createReadStream(file), path: file, spoolDir: () => dir, minBytes: 0, onDecision: (d) => (took = d.bulk) }, sink, { fileName: "survey.csv" }),
  );
  expect(took).toBe(true);
}, 60_000);

afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function columnTypes(dataset: Dataset): Promise<Map<string, string>> {
  const conn = await store.duckdbInstance.connect();
  try {
    const table = `d_${dataset.id}_v${dataset.version}`;
    const rows = (await conn.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '${table}'`)).getRowsJS();
    return new Map(rows.map((r) => [String(r[0]), String(r[1])]));
  } finally {
    conn.closeSync();
  }
}

const questionId = (dataset: Dataset, header: string) => {
  const column = dataset.columns.find((c) => c.headers[0] === header)!;
  return dataset.questions.find((q) => q.columns[0] === column.name)!.id;
};

const specOf = (dataset: Dataset, q: CrosstabQuery) => ({
  outcome: questionId(dataset, q.outcome),
  outcome_category: q.outcomeCategory,
  segment: questionId(dataset, q.segment),
  weight: questionId(dataset, "weight"),
  filters: Object.fromEntries(q.filters.map(([h, v]) => [questionId(dataset, h), v])),
});

const withoutIdentity = <T extends { dataset: unknown }>(r: T) => ({ ...r, dataset: null });

/** `b` with every number that is within 1e-12 (relative) of the one at the same place in `a` replaced by it */
function snapTo(a: unknown, b: unknown): unknown {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)) ? a : b;
  if (Array.isArray(a) && Array.isArray(b)) return b.map((x, i) => snapTo(a[i], x));
  if (a && b && typeof a === "object" && typeof b === "object") return Object.fromEntries(Object.entries(b).map(([k, v]) => [k, snapTo((a as Record<string, unknown>)[k], v)]));
  return b;
}

test("the bulk import stored the categorical, multi-select and Likert columns as ENUMs, the rest as VARCHAR", async () => {
  const types = await columnTypes(bulk);
  const byHeader = (h: string) => types.get(bulk.columns.find((c) => c.headers[0] === h)!.name)!;
  expect(byHeader("cat_01")).toMatch(/^ENUM\(/);
  expect(byHeader("ms_1")).toMatch(/^ENUM\(/);
  expect(byHeader("lk_1")).toMatch(/^ENUM\(/);
  expect(byHeader("comment")).toBe("VARCHAR");
  expect(byHeader("id")).toBe("VARCHAR");
  expect([...(await columnTypes(streamed)).values()].every((t) => t === "VARCHAR" || t === "DOUBLE")).toBe(true);
});

test("typed shadows and the number reading of every column (finiteNumber) are the same", async () => {
  const [a, b] = [await columnTypes(streamed), await columnTypes(bulk)];
  const shadows = [...a.keys()].filter((c) => c.endsWith("__d"));
  expect(shadows.length).toBeGreaterThan(0); // the weight's
  expect([...b.keys()].filter((c) => c.endsWith("__d")).sort()).toEqual([...shadows].sort());
  const numbers = streamed.columns.map((c) => `${duckdbDialect.finiteNumber(c.name)} AS ${c.name}`);
  const conn = await store.duckdbInstance.connect();
  try {
    const read = async (ds: Dataset) => (await conn.runAndReadAll(`SELECT ${[...shadows, ...numbers].join(", ")} FROM d_${ds.id}_v${ds.version} ORDER BY rowid`)).getRowsJS();
    expect(await read(bulk)).toEqual(await read(streamed));
  } finally {
    conn.closeSync();
  }
});

test("crosstabs and multi-select breakdowns answer the same on ENUM and VARCHAR columns", async () => {
  for (const q of [...crosstabQueries(), ...multiQueries()]) {
    const a = await runCrosstab(store, streamed, specOf(streamed, q));
    const b = await runCrosstab(store, bulk, specOf(bulk, q));
    // the same cells and counts; weighted sums may differ in the last bits (the aggregate adds them in another order)
    expect(snapTo(withoutIdentity(a), withoutIdentity(b)), JSON.stringify(q)).toEqual(withoutIdentity(a));
  }
}, 60_000);

test("value counts, filtered reads and a derived version answer the same", async () => {
  for (const c of streamed.columns) expect(await store.valueCounts(bulk, c.name, 50), c.name).toEqual(await store.valueCounts(streamed, c.name, 50));
  const cat = streamed.columns.find((c) => c.headers[0] === "cat_05")!.name;
  const levels = (await store.valueCounts(streamed, cat, 3)).map((v) => v.value);
  // a value the column never holds (not in the ENUM) filters nothing in, as with text
  const filters = [{ kind: "values" as const, column: cat, values: [...levels.slice(0, 2), "no such level"] }];
  const names = streamed.columns.map((c) => c.name);
  expect(await store.readRows(bulk, names, 10_000, filters)).toEqual(await store.readRows(streamed, names, 10_000, filters));

  const values = Array.from({ length: streamed.respondents }, (_, i) => (i % 3 ? String(i % 5) : null));
  const derive = (ds: Dataset) =>
    store.deriveVersion(ds, [{ header: "derived", values }], ds.questions, { kind: "weighting", fromVersion: ds.version, columns: [`c${ds.columns.length}`], recipe: { name: "x" }, createdAt: new Date().toISOString() });
  const [a, b] = [await derive(streamed), await derive(bulk)];
  const all = a.columns.map((c) => c.name);
  expect(await store.readRows(b, all, 10_000)).toEqual(await store.readRows(a, all, 10_000));
  expect((await columnTypes(b)).get(cat)).toMatch(/^ENUM\(/);
}, 60_000);

test("an ENUM lists its values in byte order (DuckDB's VARCHAR order), quotes doubled", () => {
  expect(enumType(["b", "a", "É", "Z", "it's"])).toBe("ENUM('Z', 'a', 'b', 'it''s', 'É')");
});
