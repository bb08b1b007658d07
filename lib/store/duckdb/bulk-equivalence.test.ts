/**
 * Issue #8 acceptance: the bulk CSV path (DuckDB `read_csv` + profiles from value counts) must
 * give exactly the dataset the streaming pipeline gives — metadata, questions, warnings and every
 * stored row — or decline and stream. Every CSV fixture of the repository, a set of quoting and
 * layout edge cases and the bench file are imported through both paths into one store.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generate } from "@/bench/generate";
import { ingestBulk } from "@/lib/ingest/bulk/bulk-ingest";
import { ingest } from "@/lib/ingest/ingest";
import { IngestError, type IngestOptions, type IngestResult, type RowSink } from "@/lib/ingest/types";
import type { Dataset } from "@/lib/schema/dataset";
import { DuckDbStore } from "./duckdb-store";
import { NUMBERS_ROWS, writeNumbersCsv } from "./numbers.fixtures";

let dir: string;
let store: DuckDbStore;
let n = 0;
const decisions: { file: string; bulk: boolean; reason?: string }[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "bulk-eq-"));
  store = await DuckDbStore.open(path.join(dir, "s.duckdb"));
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function walk(d: string): string[] {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith(".csv") ? [path.join(d, e.name)] : []));
}

type Outcome = { ok: true; dataset: Dataset; rows: (string | null)[][] } | { ok: false; code: string; issues: unknown };

async function importWith(file: string, run: (sink: RowSink) => Promise<IngestResult>): Promise<Outcome> {
  try {
    const dataset = await store.importDataset({ id: `t${++n}`, name: "t", owner: "test", fileName: path.basename(file) }, run);
    const rows = await store.readRows(dataset, ["rowid", ...dataset.columns.map((c) => c.name)], 10_000_000);
    return { ok: true, dataset, rows };
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    return { ok: false, code: e.code, issues: e.issues };
  }
}

const comparable = (o: Outcome) => (o.ok ? { ...o, dataset: { ...o.dataset, id: "", createdAt: "" } } : o);

/** import `file` both ways and expect the same outcome; returns whether the bulk path was taken */
async function expectSame(file: string, viaSpool = false, extra: IngestOptions = {}): Promise<boolean> {
  const fileName = path.basename(file);
  const streamed = await importWith(file, (sink) => ingest(fs.createReadStream(file), sink, { fileName, ...extra }));
  let decision: { bulk: boolean; reason?: string } = { bulk: false, reason: "not asked" };
  const bulk = await importWith(file, (sink) =>
    ingestBulk(
      { source: fs.createReadStream(file, { highWaterMark: 4096 }), path: viaSpool ? undefined : file, spoolDir: () => path.join(dir, "spool"), minBytes: 0, onDecision: (d) => (decision = d) },
      sink,
      { fileName, ...extra },
    ),
  );
  decisions.push({ file: path.relative(process.cwd(), file), ...decision });
  expect(comparable(bulk), file).toEqual(comparable(streamed));
  return decision.bulk;
}

describe("bulk path = streaming path", () => {
  test("every CSV fixture", async () => {
    const files = walk(path.resolve("test/fixtures")).sort();
    expect(files.length).toBeGreaterThan(100);
    let taken = 0;
    for (const f of files) if (await expectSame(f)) taken++;
    // most fixtures are plain UTF-8 CSV: the bulk path must actually be exercised
    expect(taken).toBeGreaterThan(40);
  }, 300_000);

  test("quoting, blank-line and ragged-row edge cases", async () => {
    const header = "h1,h2,h3\n";
    const cases = [
      'a, "b",c\n',
      'a,"b" ,c\n',
      'a,ab"c,d\n',
      'a,ab""c,d\n',
      'a,b,c,\n',
      'a,b,c,,\n',
      'a,b,c,x\n',
      'a,b\n',
      "a,b,c\n\nd,e,f\n",
      "a,b,c\n   \nd,e,f\n",
      "a,b,c\n\n\n",
      ' a , b ,c \n',
      '"",b,""\n',
      '"x, ""y""",z,"multi\nline"\n',
      '"x, "" ",z,w\n',
      'a,b,"c\n\nd"\n',
      "a\tb,c,d\n",
      "a,b,c",
      "NA,0,false\n",
    ];
    for (const [i, body] of cases.entries()) {
      const file = path.join(dir, `edge-${i}.csv`);
      fs.writeFileSync(file, header + body + "x,y,z\n");
      await expectSame(file);
    }
    // past the sniffed head, only the byte checks and read_csv guard: a record over the cap, a ragged row
    const big = path.join(dir, "big.csv");
    const body = "1,2\n".repeat(450_000);
    for (const tail of [`${"x".repeat(3000)},y\n`, "1\n", "1,2,3\n", '1, "2"\n', "1,\u00e9\n"]) {
      fs.writeFileSync(big, "a,b\n" + body + tail + "3,4\n");
      expect(await expectSame(big, false, { limits: { maxRecordBytes: 2000 } })).toBe(tail === "1,\u00e9\n");
    }
    const bom = path.join(dir, "bom.csv");
    fs.writeFileSync(bom, "\uFEFF" + header + "1,2,3\n");
    expect(await expectSame(bom)).toBe(true);
  }, 120_000);

  test("mostly-distinct number columns: summarised by the store, or sent cell by cell when one cell is not plain", async () => {
    const file = path.join(dir, "numbers.csv");
    writeNumbersCsv(file);
    expect(await expectSame(file)).toBe(true);
    // the shadow filled as the bulk path loads equals the one added after a streamed import
    const conn = await store.duckdbInstance.connect();
    try {
      const shadow = async (table: string) => (await conn.runAndReadAll(`SELECT c6__d FROM ${table} ORDER BY rowid`)).getRowsJS().map((r) => r[0]);
      const tables = (await conn.runAndReadAll(`SELECT data_table FROM datasets WHERE id IN ('t${n - 1}', 't${n}')`)).getRowsJS().map((r) => String(r[0]));
      expect(tables.length).toBe(2);
      const [a, b] = await Promise.all(tables.map(shadow));
      expect(a.length).toBe(NUMBERS_ROWS);
      expect(a).toEqual(b);
    } finally {
      conn.closeSync();
    }
  }, 120_000);

  test("the bench file (3 000 rows), read in place and spooled like an upload", async () => {
    const file = path.join(dir, "survey.csv");
    await generate(3000, file);
    expect(await expectSame(file)).toBe(true);
    const spool = path.join(dir, "spool");
    fs.mkdirSync(spool, { recursive: true });
    const stale = path.join(spool, ".import-00000000-0000-4000-8000-000000000000.csv");
    fs.writeFileSync(stale, "left by a killed import");
    fs.utimesSync(stale, new Date(Date.now() - 2 * 86400_000), new Date(Date.now() - 2 * 86400_000));
    fs.writeFileSync(path.join(spool, "keep.txt"), "not a spool file");
    expect(await expectSame(file, true)).toBe(true);
    // the upload's spool file is gone, and so is the stale one a killed import left
    expect(fs.readdirSync(spool)).toEqual(["keep.txt"]);
    // limits and forced formats are honoured the same way (a record over the cap fails both ways, located)
    expect(await expectSame(file, false, { limits: { maxRecordBytes: 300 } })).toBe(false);
    expect(await expectSame(file, false, { limits: { maxRecordBytes: 5000 } })).toBe(true);
    expect(await expectSame(file, true, { format: "odk" })).toBe(true);
  }, 120_000);
});

afterAll(() => {
  const declined = decisions.filter((d) => !d.bulk);
  const reasons = new Map<string, number>();
  for (const d of declined) reasons.set(d.reason ?? "", (reasons.get(d.reason ?? "") ?? 0) + 1);
  console.log(`bulk path: ${decisions.length - declined.length} of ${decisions.length} imports; declined: ${JSON.stringify([...reasons])}`);
});
