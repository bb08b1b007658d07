import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { expect, test } from "vitest";
import { ReaderPool } from "./reader-pool";

test("one connection until extra readers are allowed, then two at once; close keeps only the main one", async () => {
  const instance = await DuckDBInstance.create(":memory:");
  const main = await instance.connect();
  let opened = 0;
  const pool = new ReaderPool(main, async () => (opened++, instance.connect()), 1);
  const seen: DuckDBConnection[] = [];
  let inFlight = 0;
  let most = 0;
  const job = () =>
    pool.use(async (c) => {
      seen.push(c);
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
    });
  await Promise.all([job(), job(), job()]);
  expect(most).toBe(1); // the table is not committed yet: only the import's connection may see it
  expect(new Set(seen)).toEqual(new Set([main]));
  pool.allowExtra();
  seen.length = 0;
  await Promise.all([job(), job(), job(), job()]);
  expect(most).toBe(2);
  expect(opened).toBe(1);
  expect(new Set(seen).size).toBe(2);
  pool.close();
  seen.length = 0;
  most = 0;
  await Promise.all([job(), job()]);
  expect(new Set(seen)).toEqual(new Set([main]));
  expect(most).toBe(1);
  main.closeSync();
  instance.closeSync();
});
