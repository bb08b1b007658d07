import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { importDataset } from "@/lib/services/import-dataset";
import { DuckDbStore } from "./duckdb-store";
import { dropIfUnregistered, sweepOrphanTables } from "./orphan-tables";

const csv = (text: string) =>
  (async function* () {
    yield new TextEncoder().encode(text);
  })();

test("only data tables no dataset version refers to are dropped", async () => {
  const store = await DuckDbStore.open(":memory:");
  const conn = await store.duckdbInstance.connect();
  try {
    const kept = await importDataset(store, { meta: { id: "keep", name: "Keep", owner: "t", fileName: "k.csv" }, source: csv("a,b\n1,2\n3,4\n") });
    await conn.run("CREATE TABLE d_orphan_v1 (c0 VARCHAR)");
    await conn.run("CREATE TABLE d_keep_v2 (c0 VARCHAR)"); // a later version of a real dataset that was never registered
    await conn.run("CREATE TABLE notes (c0 VARCHAR)"); // not a data table name
    await conn.run("CREATE TABLE d_notes (c0 VARCHAR)");
    await dropIfUnregistered(conn, "d_keep_v1");
    expect(await sweepOrphanTables(conn)).toEqual(["d_keep_v2", "d_orphan_v1"]);
    const left = (await conn.runAndReadAll("SELECT table_name FROM duckdb_tables() WHERE table_name IN ('d_keep_v1', 'd_keep_v2', 'd_orphan_v1', 'notes', 'd_notes') ORDER BY 1")).getRowsJS().flat();
    expect(left).toEqual(["d_keep_v1", "d_notes", "notes"]);
    expect(await store.readRows(kept, ["c0", "c1"], 10)).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    await conn.run("CREATE TABLE d_orphan_v2 (c0 VARCHAR)");
    await dropIfUnregistered(conn, "d_orphan_v2");
    expect(await sweepOrphanTables(conn)).toEqual([]);
  } finally {
    conn.closeSync();
    await store.close();
  }
});

test("opening the store removes spill files a killed process left in DuckDB's temp directory (C44)", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spill-"));
  const file = path.join(dir, "s.duckdb");
  try {
    fs.mkdirSync(`${file}.tmp`);
    fs.writeFileSync(path.join(`${file}.tmp`, "duckdb_temp_storage_DEFAULT-0.tmp"), "staged answers");
    fs.writeFileSync(path.join(`${file}.tmp`, "notes.txt"), "not DuckDB's");
    const store = await DuckDbStore.open(file);
    expect(fs.readdirSync(`${file}.tmp`)).toEqual(["notes.txt"]);
    await store.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
