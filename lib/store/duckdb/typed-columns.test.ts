/** Typed weight shadows and the per-version caches of the embedded store. */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { RowSink } from "@/lib/ingest/types";
import { duckdbDialect } from "../sql/dialect";
import { buildCellSumsStatement } from "../sql/crosstab-sql";
import { DuckDbStore } from "./duckdb-store";
import { numericColumns } from "./typed-columns";
import { SEG_OUT_W_COLUMNS, segOutWDraft, segOutWPlan } from "../contract/seg-out-w.fixtures";

const columns = SEG_OUT_W_COLUMNS;
// weights R's as.numeric + is.finite would keep or drop: spaces, exponents, hex, overflow, junk
const weights = [" 2.5 ", "1e3", "0x10", "1e400", "abc", "-1", "0", "inf", "NaN", ".5", "3", ""];
const data = weights.map((w, i) => [i % 2 ? "a" : "b", i % 3 ? "yes" : "no", w]);

const draft = () => segOutWDraft(data.length);

const plan = (statistic: "proportion" | "mean" = "proportion"): CrosstabPlan =>
  statistic === "mean" ? segOutWPlan({ statistic, outcome: { kind: "column", column: "c2", missingCodes: [] }, outcomeCategories: [] }) : segOutWPlan();

describe("DuckDbStore typed columns and caches", () => {
  let store: DuckDbStore;
  beforeEach(async () => {
    store = await DuckDbStore.open(":memory:");
  });
  afterEach(async () => {
    await store.close();
  });

  const load = (id = "t1") =>
    store.importDataset({ id, name: "T", owner: "test", fileName: "t.csv" }, async (sink: RowSink) => {
      await sink.begin(columns);
      await sink.write(data);
      return draft();
    });

  test("numericColumns picks the weight questions", () => {
    expect(numericColumns(draft().questions)).toEqual(["c2"]);
  });

  test("the typed shadow gives the same sums as parsing the text per row", async () => {
    const ds = await load();
    const conn = await store.duckdbInstance.connect();
    try {
      const shadow = (await conn.runAndReadAll(`SELECT c2__d FROM d_t1_v1 ORDER BY rowid`)).getRowsJS().map((r) => r[0]);
      expect(shadow).toEqual([2.5, 1000, null, null, null, -1, 0, null, null, 0.5, 3, null]);
      for (const statistic of ["proportion", "mean"] as const) {
        const run = async (typed: Set<string>) => {
          const st = buildCellSumsStatement("d_t1_v1", plan(statistic), ["a", "b"], duckdbDialect, typed);
          expect(st.sql.includes("c2__d")).toBe(typed.size > 0);
          return (await conn.runAndReadAll(`${st.sql} ORDER BY 1, 2, 3`, st.params)).getRowObjectsJS();
        };
        expect(await run(new Set(["c2"]))).toEqual(await run(new Set()));
      }
    } finally {
      conn.closeSync();
    }
    const sums = await store.cellSums(ds, plan());
    expect(sums.rows.analytic).toBe(4);
    expect(sums.rows.excluded_invalid_weight).toBe(8);
  });

  test("cached sums and metadata are copies; a delete forgets them", async () => {
    const ds = await load();
    const first = await store.cellSums(ds, plan());
    first.cells[0].n = 999;
    const again = await store.cellSums(ds, plan());
    expect(again.cells[0].n).not.toBe(999);
    const got = (await store.getDataset("t1"))!;
    got.questions.length = 0;
    expect((await store.getDataset("t1"))!.questions).toHaveLength(3);
    expect(await store.deleteDataset("t1")).toBe(true);
    await expect(store.cellSums(ds, plan())).rejects.toThrow(/not found/);
    expect(await store.getDataset("t1")).toBeNull();
    // re-import under the same id: a new version, fresh answers
    const next = await load();
    expect(next.version).toBe(2);
    expect((await store.cellSums(next, plan())).rows.analytic).toBe(4);
  });
});
