import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterEach, describe, expect, test } from "vitest";
import { checkpoint } from "./wipe-free-blocks";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function open() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ckpt-"));
  dirs.push(dir);
  const instance = await DuckDBInstance.create(path.join(dir, "x.duckdb"));
  const a = await instance.connect();
  await a.run("CREATE TABLE t (x INTEGER)");
  await a.run("INSERT INTO t VALUES (1)");
  return { instance, a, b: await instance.connect() };
}

describe("checkpoint while another connection writes", () => {
  test("a plain CHECKPOINT is refused while another write transaction has updated rows (why the wait exists)", async () => {
    const { instance, a, b } = await open();
    await a.run("BEGIN TRANSACTION");
    await a.run("UPDATE t SET x = 2");
    await expect(b.run("CHECKPOINT")).rejects.toThrow(/other write transactions active/);
    await a.run("COMMIT");
    instance.closeSync();
  });

  test("waits for the other transaction to finish, then checkpoints (a deletion's wipe no longer fails)", async () => {
    const { instance, a, b } = await open();
    await a.run("BEGIN TRANSACTION");
    await a.run("UPDATE t SET x = 2");
    setTimeout(() => void a.run("COMMIT"), 150);
    await expect(checkpoint(b)).resolves.toBeUndefined();
    expect((await b.runAndReadAll("SELECT max(x) AS x FROM t")).getRowObjectsJS()[0].x).toBe(2);
    instance.closeSync();
  });

  test("gives up after its limit with the database's own error", async () => {
    const { instance, a, b } = await open();
    await a.run("BEGIN TRANSACTION");
    await a.run("UPDATE t SET x = 2");
    await expect(checkpoint(b, 100)).rejects.toThrow(/other write transactions active/);
    await a.run("COMMIT");
    instance.closeSync();
  });
});
