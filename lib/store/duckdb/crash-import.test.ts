import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { DuckDbStore } from "./duckdb-store";

/** kill -9 the worker once its output says `ready`; then the store must open clean */
async function crashAndReopen(mode: "stream" | "bulk", ready: (out: string) => boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "surveyscope-crash-"));
  const file = path.join(dir, "store.duckdb");
  const worker = path.join(import.meta.dirname, "crash-worker.fixtures.ts");
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", worker, file, mode], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += String(d)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker made no progress: ${stderr}`)), 60_000);
    child.stdout.on("data", (d: Buffer) => {
      if (ready(String(d))) {
        clearTimeout(timer);
        child.kill("SIGKILL");
        resolve();
      }
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code !== null) reject(new Error(`worker exited early (${code}): ${stderr}`));
    });
  });
  await new Promise((r) => child.on("close", r));

  const store = await DuckDbStore.open(file);
  try {
    expect(await store.listDatasets()).toEqual([]);
    expect(await store.getDataset("half")).toBeNull();
  } finally {
    await store.close();
  }
  const raw = await DuckDBInstance.create(file);
  const conn = await raw.connect();
  const tables = (await conn.runAndReadAll("SELECT table_name FROM information_schema.tables")).getRowObjectsJS().map((r) => r.table_name);
  // no data table (d_…) of the killed import survives; metadata and auth tables are the store's own
  expect(tables).toContain("datasets");
  expect(tables.filter((t) => String(t).startsWith("d_"))).toEqual([]);
  conn.closeSync();
  raw.closeSync();
  fs.rmSync(dir, { recursive: true, force: true });
}

test("kill -9 during an import leaves no partial dataset and the next open is clean", async () => {
  await crashAndReopen("stream", (out) => Number(/rows (\d+)/.exec(out)?.[1] ?? 0) >= 20_000);
}, 90_000);

test("kill -9 after a bulk import committed its data table, before the dataset row: the next open drops the table", async () => {
  await crashAndReopen("bulk", (out) => {
    if (out.includes("streamed")) throw new Error("the worker's file did not take the bulk path");
    return out.includes("loaded");
  });
}, 90_000);
