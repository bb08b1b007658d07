/**
 * C40: a fault-injecting sink around the import (ENOSPC / EIO on the n-th write, at `begin`, or
 * in the final step before the metadata row) must leave previous datasets untouched, store no new
 * dataset and no data table, answer with the injected error, and keep the store usable.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { RowSink } from "@/lib/ingest/types";
import { ingestBulk } from "@/lib/ingest/bulk/bulk-ingest";
import { importDataset } from "@/lib/services/import-dataset";
import type { SurveyStore } from "../types";
import { DuckDbStore } from "./duckdb-store";

let dir: string;
let store: DuckDbStore;

function csv(rows: number): AsyncIterable<Uint8Array> {
  const text = "seg,out\n" + Array.from({ length: rows }, (_, i) => `s${i % 7},${i % 3 ? "yes" : "no"}`).join("\n") + "\n";
  const bytes = new TextEncoder().encode(text);
  return (async function* () {
    for (let i = 0; i < bytes.length; i += 4096) yield bytes.subarray(i, i + 4096);
  })();
}

type Fault = { at: "begin" } | { at: "write"; n: number } | { at: "finish" };

class InjectedFault extends Error {
  code = "ENOSPC";
}

/** The store with its sink wrapped: throws ENOSPC at the chosen point of the import. */
function faulty(real: SurveyStore, fault: Fault, writes: { count: number }): SurveyStore {
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop !== "importDataset") return Reflect.get(target, prop, receiver);
      const importFn: SurveyStore["importDataset"] = (meta, run, finish) =>
        target.importDataset(
          meta,
          (sink) => {
            const wrapped: RowSink = {
              begin: async (c) => {
                if (fault.at === "begin") throw new InjectedFault("ENOSPC: no space left on device (begin)");
                return sink.begin(c);
              },
              write: async (r) => {
                writes.count++;
                if (fault.at === "write" && writes.count === fault.n) throw new InjectedFault(`ENOSPC: no space left on device (write ${fault.n})`);
                return sink.write(r);
              },
            };
            return run(wrapped);
          },
          (result) => {
            if (fault.at === "finish") throw new InjectedFault("EIO: i/o error (finish)");
            return finish ? finish(result) : result;
          },
        );
      return importFn;
    },
  });
}

async function tables(): Promise<string[]> {
  const conn = await store.duckdbInstance.connect();
  try {
    return (await conn.runAndReadAll("SELECT table_name FROM information_schema.tables ORDER BY 1")).getRowObjectsJS().map((r) => String(r.table_name));
  } finally {
    conn.closeSync();
  }
}

async function fingerprint() {
  const list = await store.listDatasets();
  const ds = await store.getDataset("baseline");
  const rows = ds ? await store.readRows(ds, ds.questions.flatMap((q) => q.columns), 100_000) : [];
  return JSON.stringify({ ids: list.map((d) => [d.id, d.version]), rows });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "surveyscope-fault-"));
  store = await DuckDbStore.open(path.join(dir, "store.duckdb"));
  await importDataset(store, { meta: { id: "baseline", name: "Baseline", owner: "t", fileName: "b.csv" }, source: csv(50) });
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("an import failing at any write (fast-check picks which), at begin or before the metadata row stores nothing and breaks nothing", async () => {
  // how many sink writes a clean import of this file makes
  const probe = { count: 0 };
  await importDataset(faulty(store, { at: "write", n: 0 }, probe), { meta: { id: "probe", name: "Probe", owner: "t", fileName: "p.csv" }, source: csv(30_000) });
  expect(probe.count).toBeGreaterThan(1);
  expect(await store.deleteDataset("probe")).toBe(true);
  const before = await fingerprint();
  const tablesBefore = await tables();

  const fault = fc.oneof(
    fc.constant<Fault>({ at: "begin" }),
    fc.constant<Fault>({ at: "finish" }),
    fc.integer({ min: 1, max: probe.count }).map((n): Fault => ({ at: "write", n })),
  );
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fault, async (f) => {
      const id = `victim-${run++}`;
      const err = await importDataset(faulty(store, f, { count: 0 }), { meta: { id, name: "Victim", owner: "t", fileName: "v.csv" }, source: csv(30_000) }).then(
        () => null,
        (e: unknown) => e,
      );
      // a clean error naming the fault: the sink's failure as an IngestError (the API's 422 envelope),
      // or the original error from the final step — never a secondary error from the rollback
      if (f.at === "finish") expect(err).toBeInstanceOf(InjectedFault);
      else expect(err).toMatchObject({ name: "IngestError", message: expect.stringMatching(/storing rows failed: ENOSPC/) });
      expect(await store.getDataset(id)).toBeNull();
      expect(await fingerprint()).toBe(before);
      expect(await tables()).toEqual(tablesBefore);
    }),
    { numRuns: 12 },
  );

  // and the store still imports
  const ok = await importDataset(store, { meta: { id: "after", name: "After", owner: "t", fileName: "a.csv" }, source: csv(100) });
  expect(ok.respondents).toBe(100);
}, 120_000);

test("a bulk import failing after its data table was committed (final step) or aborted while profiling (staged rows only) leaves no table and no dataset", async () => {
  const big = path.join(dir, "big.csv");
  const rows = Array.from({ length: 150_000 }, (_, i) => `${i + 1},s${i % 7},${i % 3 ? "yes" : "no"},note number ${i} of the bulk victim`);
  fs.writeFileSync(big, "id,seg,out,note\n" + rows.join("\n") + "\n");
  const before = await fingerprint();
  const tablesBefore = await tables();
  const bulkRun = (signal?: AbortSignal) => (sink: RowSink) => {
    let bulk = false;
    return ingestBulk({ source: fs.createReadStream(big), path: big, spoolDir: () => dir, onDecision: (d) => (bulk = d.bulk) }, sink, { fileName: "big.csv", signal }).then((r) => {
      expect(bulk).toBe(true);
      return r;
    });
  };
  const meta = (id: string) => ({ id, name: "Bulk victim", owner: "t", fileName: "big.csv" });
  const failed = await store.importDataset(meta("bulk-finish"), bulkRun(), () => {
    throw new InjectedFault("EIO: i/o error (finish)");
  }).catch((e: unknown) => e);
  expect(failed).toBeInstanceOf(InjectedFault);
  // aborted once the rows are staged (before the profile's first query): the abort check after the load throws
  const controller = new AbortController();
  const aborted = await store.importDataset(meta("bulk-abort"), (sink) => {
    const load = sink.bulk!.load.bind(sink.bulk);
    sink.bulk!.load = async (plan) => {
      const n = await load(plan);
      controller.abort();
      return n;
    };
    return bulkRun(controller.signal)(sink);
  }).catch((e: unknown) => e);
  expect(aborted).toMatchObject({ name: "IngestError", code: "aborted" });
  for (const id of ["bulk-finish", "bulk-abort"]) expect(await store.getDataset(id)).toBeNull();
  expect(await fingerprint()).toBe(before);
  expect(await tables()).toEqual(tablesBefore);
  // and the same file imports cleanly afterwards
  expect((await store.importDataset(meta("bulk-ok"), bulkRun())).respondents).toBe(150_000);
}, 120_000);
