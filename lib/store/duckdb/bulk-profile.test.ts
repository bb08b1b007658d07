/**
 * The bulk path's profile (lib/ingest/bulk/bulk-profile.ts: value counts, plain-number summaries
 * and cells from the store) must be the very profile the streaming pipeline builds row by row
 * (`Profiler.add`), field by field, not merely lead to the same questions: the dataset-level
 * equivalence test cannot see a count that no detection rule happens to read.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { generate } from "@/bench/generate";
import { blockGroup } from "@/lib/ingest/blocks";
import { profileAndStore } from "@/lib/ingest/bulk/bulk-profile";
import { planFromHead } from "@/lib/ingest/bulk/head-plan";
import { DEFAULT_LIMITS } from "@/lib/ingest/limits";
import { Profiler } from "@/lib/ingest/profile";
import { duckDbBulkLoader } from "./bulk-load";
import { DuckDbStore } from "./duckdb-store";
import { writeNumbersCsv } from "./numbers.fixtures";

let dir: string;
let store: DuckDbStore;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bulk-profile-"));
  store = await DuckDbStore.open(path.join(dir, "s.duckdb"));
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** load `file` with the bulk loader and profile it both ways */
async function bothProfiles(file: string, table: string, route?: boolean) {
  const decision = planFromHead(fs.readFileSync(file), true, { fileName: path.basename(file) }, DEFAULT_LIMITS);
  if (!("plan" in decision)) throw new Error(`declined: ${decision.decline}`);
  // route: every column summarised or sent as cells (true), or counted by value (false), instead of the head's choice
  const plan = route === undefined ? decision.plan : { ...decision.plan, distinctish: decision.plan.distinctish.map(() => route), plainish: decision.plan.plainish.map(() => route) };
  const conn = await store.duckdbInstance.connect();
  try {
    await conn.run("BEGIN TRANSACTION");
    const bulk = duckDbBulkLoader(conn, table);
    const rows = await bulk.load({ path: file, columns: plan.columns, skipLines: plan.skipLines, delimiter: plan.delimiter, maxRecordBytes: DEFAULT_LIMITS.maxRecordBytes });
    if (rows === null) throw new Error("read_csv refused the file");
    const fromStore = await profileAndStore(bulk, plan, rows);
    const names = plan.columns.map((c) => `"${c.name}"`).join(", ");
    const cells = (await conn.runAndReadAll(`SELECT ${names} FROM "${table}" ORDER BY rowid`)).getRowsJS() as (string | null)[][];
    const streamed = new Profiler(plan.columns.length, plan.dialect.blocks(plan.headers).map(blockGroup), { spaceLists: plan.dialect.format === "odk" });
    for (const row of cells) streamed.add(row.map((c) => c ?? ""));
    await conn.run("ROLLBACK");
    return { fromStore, streamed: streamed.finish(), plan };
  } finally {
    conn.closeSync();
  }
}

test("number columns with more than 1 000 distinct values, repeats, decimals and a late non-plain cell", async () => {
  const file = path.join(dir, "numbers.csv");
  writeNumbersCsv(file);
  for (const route of [undefined, true, false]) {
    const { fromStore, streamed } = await bothProfiles(file, `p_numbers_${route}`, route);
    expect(fromStore, `route ${route}`).toEqual(streamed);
    // the first 1 000 distinct values are boxed, the rest overflow
    expect(fromStore.columns[1].values.counts.size).toBe(1000);
    expect(fromStore.columns[1].values.overflow).toBe(true);
  }
});

test("the bench file's profile (ids, weights, free text, multi-selects)", async () => {
  const file = path.join(dir, "survey.csv");
  await generate(3000, file);
  for (const route of [undefined, true]) {
    const { fromStore, streamed } = await bothProfiles(file, `p_bench_${route}`, route);
    expect(fromStore, `route ${route}`).toEqual(streamed);
  }
});

test("answered counts of column groups holding blanks, NA and unchecked tokens", async () => {
  const file = path.join(dir, "groups.csv");
  const tokens = ["", "1", "0", "NA", "Not selected", "Yes", "FALSE"];
  // deterministic cells; every 7th row answers nothing (blank, NA or an unchecked token in every column)
  const rows = Array.from({ length: 600 }, (_, r) =>
    [String(r + 1), ...[0, 1, 2].map((k) => (r % 7 === 0 ? ["", "NA", "0"][(r + k) % 3] : tokens[(r * 3 + k * 5) % tokens.length])), ["", "3", "4"][r % 3]].join(","),
  );
  fs.writeFileSync(file, ["id,q5_1,q5_2,q5_3,q6_1", ...rows].join("\n") + "\n");
  const { fromStore, streamed } = await bothProfiles(file, "p_groups");
  expect([...streamed.groups.values()].some((g) => g.columns.length === 3 && g.answered > 0 && g.answered < 600)).toBe(true);
  expect(fromStore).toEqual(streamed);
});
