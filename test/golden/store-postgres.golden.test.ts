/**
 * Golden test of the multi-instance path (file → ingest → PostgreSQL → SQL cell sums → stats), as
 * the API runs it with DATABASE_URL set: for every golden spec, the SQL cell sums equal the
 * in-memory reference exactly (counts) or to 1e-12 (sums), and the final output passes the R
 * comparison. Runs in a fresh random schema (dropped afterwards) of TEST_DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/test).
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeCellSums } from "@/lib/engine";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import type { CellSums, CrosstabInput } from "@/lib/schema/cell-sums";
import type { Dataset } from "@/lib/schema/dataset";
import { resolveCrosstabSpec } from "@/lib/analysis/resolve-spec";
import { runCrosstab } from "@/lib/services/crosstab";
import { importDataset } from "@/lib/services/import-dataset";
import type { PostgresStore } from "@/lib/store/postgres/postgres-store";
import { openTestPostgres, type TestPostgres } from "@/lib/store/postgres/test-support";
import { compareCrosstab } from "./compare";
import { listGoldenCases, readTable } from "./crosstab-load-case";
import { KNOWN_DEVIATIONS } from "./known-deviations";

const cases = listGoldenCases();
let pgTest: TestPostgres | undefined;
let store: PostgresStore;
const loaded = new Map<string, Dataset>();

beforeAll(async () => {
  pgTest = await openTestPostgres();
  store = pgTest.store;
});
afterAll(async () => {
  await pgTest?.dispose();
});

async function datasetFor(dataPath: string): Promise<Dataset> {
  const hit = loaded.get(dataPath);
  if (hit) return hit;
  const ds = await importDataset(store, {
    meta: { id: `g${loaded.size}`, name: dataPath, owner: "test", fileName: dataPath },
    source: fs.createReadStream(dataPath),
    options: { format: "microdata" },
  });
  loaded.set(dataPath, ds);
  return ds;
}

function key(c: CellSums): string {
  return `${c.segment}\u0000${c.outcome}`;
}

function expectSameSums(sql: CrosstabInput, ref: CrosstabInput) {
  expect(sql.rows).toEqual(ref.rows);
  expect(sql.segmentLevels).toEqual(ref.segmentLevels);
  const refCells = new Map(ref.cells.filter((c) => c.n > 0).map((c) => [key(c), c]));
  const sqlCells = sql.cells.filter((c) => c.n > 0);
  expect(sqlCells.length).toBe(refCells.size);
  for (const c of sqlCells) {
    const r = refCells.get(key(c));
    expect(r, `cell ${key(c)}`).toBeDefined();
    expect(c.n).toBe(r!.n);
    for (const f of ["sw", "sw2", "sy", "sy2", "swy", "swy2", "sw2y", "sw2y2"] as const) {
      expect(Math.abs(c[f] - r![f])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r![f])));
    }
  }
}

describe("golden crosstabs through PostgreSQL (the multi-instance API path)", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const ds = await datasetFor(c.dataPath);
      const spec = crosstabSpecSchema.parse(c.spec);
      const sql = await store.cellSums(ds, resolveCrosstabSpec(spec, ds, { missing: "raw" }));
      expectSameSums(sql, computeCellSums(readTable(c.dataPath), spec));
      const out: unknown = JSON.parse(JSON.stringify(await runCrosstab(store, ds, c.spec, { missing: "raw" })));
      const known = new Set(KNOWN_DEVIATIONS[c.name] ?? []);
      const unexpected = compareCrosstab(c.expected, out).bad.filter((b) => !known.has(b.slice(0, b.indexOf(": expected"))));
      expect(unexpected).toEqual([]);
    });
  }
});
