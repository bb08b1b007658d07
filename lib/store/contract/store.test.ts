/** The SurveyStore contract, run against every backend (DuckDB in memory, PostgreSQL in a fresh schema). */
import { describe, expect, test } from "vitest";
import type { SurveyStore } from "../types";
import { BACKENDS, storePerTest } from "./backends.fixtures";
import { importSegOutW, SEG_OUT_W_COLUMNS, SEG_OUT_W_ROWS, segOutWDraft, segOutWPlan } from "./seg-out-w.fixtures";

const columns = SEG_OUT_W_COLUMNS;
const draft = segOutWDraft;

const data = SEG_OUT_W_ROWS;

describe.each(BACKENDS)("store contract: $name", (backend) => {
  let store: SurveyStore;
  storePerTest(backend, (s) => (store = s));

  const load = (id = "t1") => importSegOutW(store, data, id);

  test("reports its kind", () => {
    expect(store.kind).toBe(backend.name);
  });

  test("an import commits the dataset and its rows", async () => {
    const ds = await load();
    expect(ds.version).toBe(1);
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(["t1"]);
    expect(await store.readRows(ds, ["c0", "c1"], 2)).toEqual([
      ["a", "yes"],
      ["a", "no"],
    ]);
  });

  test("the import's default filters are kept with the dataset", async () => {
    const filters = [{ question: "seg", values: ["a"], reason: "excludes previews" }];
    await store.importDataset({ id: "df", name: "D", owner: "t", fileName: "d.csv" }, async (sink) => {
      await sink.begin(columns);
      await sink.write(data);
      return { ...draft(data.length), defaultFilters: filters };
    });
    expect((await store.getDataset("df"))?.defaultFilters).toEqual(filters);
  });

  test("rows can be read for a filtered segment", async () => {
    const ds = await load();
    expect(await store.readRows(ds, ["c1"], 10, [{ kind: "values", column: "c0", values: ["a"] }])).toEqual([["yes"], ["no"]]);
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
    const input = await store.cellSums(ds, segOutWPlan());
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

  test("an existing id conflicts; after a delete the id is re-imported as the next version", async () => {
    await load();
    await expect(load()).rejects.toMatchObject({ code: "conflict" });
    expect(await store.deleteDataset("t1")).toBe(true);
    const again = await load();
    expect(again.version).toBe(2);
    expect((await store.getDataset("t1"))?.version).toBe(2);
    expect(await store.readRows(again, ["c0"], 1)).toEqual([["a"]]);
  });

  test("an id is generated when none is given, and lists are newest first", async () => {
    const a = await store.importDataset({ name: "Some Survey!", owner: "t", fileName: "a.csv" }, async (sink) => {
      await sink.begin(columns);
      await sink.write(data);
      return draft(data.length);
    });
    expect(a.id).toMatch(/^some-survey-[0-9a-f]{6}$/);
    await new Promise((r) => setTimeout(r, 5));
    await load("t2");
    expect((await store.listDatasets()).map((d) => d.id)).toEqual(["t2", a.id]);
  });

  test("a throwing finish step rolls the import back", async () => {
    await expect(
      store.importDataset(
        { id: "fin", name: "F", owner: "t", fileName: "f.csv" },
        async (sink) => {
          await sink.begin(columns);
          await sink.write(data);
          return draft(data.length);
        },
        () => {
          throw new Error("bad overrides");
        },
      ),
    ).rejects.toThrow("bad overrides");
    expect(await store.getDataset("fin")).toBeNull();
    expect(await store.listDatasets()).toEqual([]);
  });

  test("an import without rows or without begin still creates the (empty) table", async () => {
    const ds = await store.importDataset({ id: "empty", name: "E", owner: "t", fileName: "e.csv" }, async () => draft(0));
    expect(await store.readRows(ds, ["c0", "c2"], 10)).toEqual([]);
    expect(await store.valueCounts(ds, "c0", 10)).toEqual([]);
  });

  test("rows written in many batches come back in file order, empty cells as null", async () => {
    const big: string[][] = Array.from({ length: 12_345 }, (_, i) => [String(i % 7), i % 3 ? `v${i}` : "", String(i)]);
    const ds = await store.importDataset({ id: "big", name: "Big", owner: "t", fileName: "big.csv" }, async (sink) => {
      await sink.begin(columns);
      for (let i = 0; i < big.length; i += 1000) await sink.write(big.slice(i, i + 1000));
      return draft(big.length);
    });
    const back = await store.readRows(ds, ["c0", "c1", "c2"], 100_000);
    expect(back.length).toBe(big.length);
    expect(back[0]).toEqual(["0", null, "0"]);
    expect(back.map((r) => r[2])).toEqual(big.map((r) => r[2]));
    expect(back.filter((r) => r[1] === null).length).toBe(big.filter((r) => r[1] === "").length);
    expect(await store.readRows(ds, ["c2"], 3)).toEqual([["0"], ["1"], ["2"]]);
  });

  test("value counts: most frequent first, ties in byte order, empty cells left out", async () => {
    const rows = [["b"], ["a"], ["B"], ["a"], ["b"], ["B"], ["é"], [""], ["z"], ["z"], ["z"]];
    const one = [{ index: 0, name: "c0", headers: ["v"] }];
    const ds = await store.importDataset({ id: "vc", name: "VC", owner: "t", fileName: "v.csv" }, async (sink) => {
      await sink.begin(one);
      await sink.write(rows);
      return { ...draft(rows.length), columns: one, questions: [] };
    });
    expect(await store.valueCounts(ds, "c0", 10)).toEqual([
      { value: "z", n: 3 },
      { value: "B", n: 2 },
      { value: "a", n: 2 },
      { value: "b", n: 2 },
      { value: "é", n: 1 },
    ]);
    expect(await store.valueCounts(ds, "c0", 2)).toEqual([
      { value: "z", n: 3 },
      { value: "B", n: 2 },
    ]);
  });

  test("mean outcomes and weights parse plain numbers with white space, signs and exponents", async () => {
    const cols = [
      { index: 0, name: "c0", headers: ["seg"] },
      { index: 1, name: "c1", headers: ["x"] },
      { index: 2, name: "c2", headers: ["w"] },
    ];
    const rows = [
      ["a", " 4.5 ", "1"],
      ["a", "1e2", "2"],
      ["a", "-3", " 0.5"],
      ["a", "+.5", "1E0"],
      ["a", "abc", "1"], // not a number: missing outcome
      ["a", "NaN", "1"], // not finite: missing
      ["a", "Inf", "1"],
      ["a", "-Infinity", "1"],
      ["a", "7", "0"], // weight 0: invalid
      ["a", "7", "abc"], // weight not a number: invalid
      ["a", "7", "NaN"],
      ["a", "2.", "1"],
    ];
    const ds = await store.importDataset({ id: "num", name: "N", owner: "t", fileName: "n.csv" }, async (sink) => {
      await sink.begin(cols);
      await sink.write(rows);
      return { ...draft(rows.length), columns: cols };
    });
    const input = await store.cellSums(ds, segOutWPlan({ statistic: "mean", outcomeCategories: [] }));
    expect(input.rows).toMatchObject({ csv: 12, excluded_missing_outcome: 4, excluded_invalid_weight: 3, analytic: 5 });
    const cell = input.cells.find((c) => c.segment === "a")!;
    expect(cell.n).toBe(5);
    expect(cell.sw).toBeCloseTo(1 + 2 + 0.5 + 1 + 1, 12);
    expect(cell.swy).toBeCloseTo(4.5 + 200 - 1.5 + 0.5 + 2, 12);
  });

  test("deriving a version adds columns over the same rows and leaves the source version intact", async () => {
    const ds = await load();
    const weights = ["1", "2", null, "", "3", "0.5", "1"];
    const v2 = await store.deriveVersion(
      ds,
      [{ header: "wt", values: weights }],
      [...ds.questions, { id: "wt", label: "wt", type: "weight", columns: ["c3"], options: [], missingCodes: [], answered: 5 }],
      { kind: "weighting", fromVersion: 1, columns: ["c3"], recipe: { name: "x" }, createdAt: new Date().toISOString() },
    );
    expect(v2.version).toBe(2);
    expect(v2.columns.map((c) => c.name)).toEqual(["c0", "c1", "c2", "c3"]);
    expect(v2.lineage).toHaveLength(1);
    expect((await store.getDataset("t1"))?.version).toBe(2);
    expect(await store.readRows(v2, ["c0", "c3"], 10)).toEqual(data.map((r, i) => [r[0] || null, weights[i] || null]));
    expect(await store.readRows(ds, ["c0", "c2"], 1)).toEqual([["a", "2"]]);
    const input = await store.cellSums(v2, segOutWPlan({ weight: { column: "c3" } }));
    expect(input.rows.excluded_invalid_weight).toBe(1);
    expect(input.cells.find((c) => c.segment === "a" && c.outcome === "yes")).toMatchObject({ n: 1, sw: 1 });
  });
});
