/**
 * The store golden suite, shared by both backends: for every golden spec, the store's SQL cell
 * sums equal the in-memory reference exactly (counts) or to 1e-12 (sums), and the final output
 * of the real path (file → ingest → store → stats) passes the R comparison.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCrosstabSpec } from "@/lib/analysis/resolve-spec";
import { computeCellSums } from "@/lib/engine";
import type { CellSums, CrosstabInput } from "@/lib/schema/cell-sums";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import type { Dataset } from "@/lib/schema/dataset";
import { runCrosstab } from "@/lib/services/crosstab";
import { importDataset } from "@/lib/services/import-dataset";
import type { SurveyStore } from "@/lib/store/types";
import { compareCrosstab } from "./compare";
import { listGoldenCases, readTable } from "./crosstab-load-case";
import { KNOWN_DEVIATIONS } from "./known-deviations";

const key = (c: CellSums) => `${c.segment}\u0000${c.outcome}`;

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

/** Register the suite for one backend: `open` gives a fresh store and a way to dispose of it. */
export function storeGoldenSuite(title: string, open: () => Promise<{ store: SurveyStore; dispose: () => Promise<void> }>) {
  const cases = listGoldenCases();
  let opened: { store: SurveyStore; dispose: () => Promise<void> } | undefined;
  const loaded = new Map<string, Dataset>();
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.dispose();
  });
  async function datasetFor(dataPath: string): Promise<Dataset> {
    const hit = loaded.get(dataPath);
    if (hit) return hit;
    const ds = await importDataset(opened!.store, {
      meta: { id: `g${loaded.size}`, name: dataPath, owner: "test", fileName: dataPath },
      source: fs.createReadStream(dataPath),
      options: { format: "microdata" },
    });
    loaded.set(dataPath, ds);
    return ds;
  }
  describe(title, () => {
    for (const c of cases) {
      it(c.name, async () => {
        const store = opened!.store;
        const ds = await datasetFor(c.dataPath);
        const spec = crosstabSpecSchema.parse(c.spec);
        expectSameSums(await store.cellSums(ds, resolveCrosstabSpec(spec, ds, { missing: "raw" })), computeCellSums(readTable(c.dataPath), spec));
        const out: unknown = JSON.parse(JSON.stringify(await runCrosstab(store, ds, c.spec, { missing: "raw" })));
        const known = new Set(KNOWN_DEVIATIONS[c.name] ?? []);
        const unexpected = compareCrosstab(c.expected, out).bad.filter((b) => !known.has(b.slice(0, b.indexOf(": expected"))));
        expect(unexpected).toEqual([]);
      });
    }
  });
}
