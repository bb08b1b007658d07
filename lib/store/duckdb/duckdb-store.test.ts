import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { IngestResult, RowSink } from "@/lib/ingest/types";
import type { CrosstabPlan } from "@/lib/analysis/plan";
import { DuckDbStore } from "./duckdb-store";

const columns = [
  { index: 0, name: "c0", headers: ["seg"] },
  { index: 1, name: "c1", headers: ["out"] },
  { index: 2, name: "c2", headers: ["w"] },
];

function draft(rows: number): IngestResult {
  return {
    format: "microdata",
    encoding: "utf-8",
    delimiter: ",",
    headerRows: 1,
    respondents: rows,
    bytes: 10,
    sha256: "x",
    columns,
    questions: [
      { id: "seg", label: "seg", type: "single", columns: ["c0"], options: [], missingCodes: [], answered: 0 },
      { id: "out", label: "out", type: "single", columns: ["c1"], options: [], missingCodes: [], answered: 0 },
      { id: "w", label: "w", type: "weight", columns: ["c2"], options: [], missingCodes: [], answered: 0 },
    ],
    warnings: [],
  };
}

const data = [
  ["a", "yes", "2"],
  ["a", "no", "1"],
  ["b", "yes", "1"],
  ["b", "", "1"], // missing outcome
  ["", "yes", "1"], // missing segment
  ["b", "no", "-1"], // invalid weight
  ["b", "yes", "0.5"],
];

let store: DuckDbStore;
beforeEach(async () => {
  store = await DuckDbStore.open(":memory:");
});
afterEach(async () => {
  await store.close();
});

async function load(id = "t1") {
  return store.importDataset({ id, name: "T", owner: "test", fileName: "t.csv" }, async (sink: RowSink) => {
    await sink.begin(columns);
    await sink.write(data);
    return draft(data.length);
  });
}

describe("duckdb store", () => {
  test("an import commits the dataset and its rows", async () => {
    const ds = await load();
    expect(ds.version).toBe(1);
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(["t1"]);
    expect(await store.readRows(ds, ["c0", "c1"], 2)).toEqual([
      ["a", "yes"],
      ["a", "no"],
    ]);
  });

  test("a failed import leaves nothing behind", async () => {
    await expect(
      store.importDataset({ id: "bad", name: "Bad", owner: "t", fileName: "b.csv" }, async (sink) => {
        await sink.begin(columns);
        await sink.write(data);
        throw new Error("boom mid-import");
      }),
    ).rejects.toThrow("boom mid-import");
    expect(await store.listDatasets()).toEqual([]);
    expect(await store.getDataset("bad")).toBeNull();
    // the id is free again and the next import succeeds
    await load("bad");
    expect(await store.getDataset("bad")).not.toBeNull();
  });

  test("cell sums follow the exclusion order and weight rules", async () => {
    const ds = await load();
    const plan: CrosstabPlan = {
      statistic: "proportion",
      outcome: { kind: "column", column: "c1", missingCodes: [] },
      outcomeCategories: ["yes"],
      segment: { column: "c0", missingCodes: [] },
      weight: { column: "c2" },
      filters: [],
      missingSegment: "drop",
      confLevel: 0.95,
    };
    const input = await store.cellSums(ds, plan);
    expect(input.segmentLevels).toEqual(["a", "b"]);
    expect(input.rows).toEqual({
      csv: 7,
      after_filters: 7,
      excluded_missing_outcome: 1,
      excluded_missing_segment: 1,
      excluded_invalid_weight: 1,
      analytic: 4,
    });
    const cell = (s: string, o: string) => input.cells.find((c) => c.segment === s && c.outcome === o);
    expect(cell("a", "yes")).toMatchObject({ n: 1, sw: 2, sw2: 4, sy: 1, swy: 2 });
    expect(cell("b", "yes")).toMatchObject({ n: 2, sw: 1.5, sw2: 1.25, swy: 1.5, sw2y: 1.25 });
  });

  test("filters keep listed values and never an empty cell", async () => {
    const ds = await load();
    const input = await store.cellSums(ds, {
      statistic: "proportion",
      outcome: { kind: "column", column: "c1", missingCodes: [] },
      outcomeCategories: ["yes"],
      segment: { column: "c0", missingCodes: [] },
      filters: [{ kind: "values", column: "c0", values: ["b", ""] }],
      missingSegment: "drop",
      confLevel: 0.95,
    });
    expect(input.rows.after_filters).toBe(4);
    expect(input.rows.excluded_invalid_weight).toBe(0);
  });

  test("deleting drops the data and the id answers null", async () => {
    await load();
    expect(await store.deleteDataset("t1")).toBe(true);
    expect(await store.getDataset("t1")).toBeNull();
    expect(await store.deleteDataset("t1")).toBe(false);
    expect(await store.deleteDataset("../etc/passwd")).toBe(false);
  });

  test("saving questions makes a new version over the same rows", async () => {
    const ds = await load();
    const v2 = await store.saveQuestions("t1", ds.questions.map((q) => (q.id === "out" ? { ...q, label: "Outcome" } : q)));
    expect(v2.version).toBe(2);
    expect((await store.getDataset("t1"))?.questions.find((q) => q.id === "out")?.label).toBe("Outcome");
    expect((await store.readRows(v2, ["c1"], 1))[0]).toEqual(["yes"]);
  });
});
