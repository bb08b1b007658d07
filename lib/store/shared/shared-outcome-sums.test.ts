import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { Dataset } from "@/lib/schema/dataset";
import { importSegOutW } from "../contract/seg-out-w.fixtures";
import { DuckDbStore } from "../duckdb/duckdb-store";
import type { SurveyStore } from "../types";
import { withSharedOutcomeSums } from "./shared-outcome-sums";

const data = [
  ["a", "yes", "2"],
  ["a", "no", "1"],
  ["a", "maybe", "1.5"],
  ["b", "yes", "1"],
  ["b", "", "1"],
  ["", "yes", "1"],
  ["b", "no", "-1"],
  ["b", "maybe", "0.5"],
  ["b", "yes", "3"],
];


function plan(categories: string[], weighted: boolean, keyed = false): CrosstabPlan {
  return {
    ...(keyed ? { cellKey: { secret: "k3y" } } : {}),
    statistic: "proportion",
    outcome: { kind: "column", column: "c1", missingCodes: [] },
    outcomeCategories: categories,
    segment: { column: "c0", missingCodes: [] },
    ...(weighted ? { weight: { column: "c2" } } : {}),
    filters: [],
    missingSegment: "include_in_total",
    confLevel: 0.95,
  };
}

describe("withSharedOutcomeSums", () => {
  let store: SurveyStore;
  let dataset: Dataset;
  beforeEach(async () => {
    store = await DuckDbStore.open(":memory:");
    dataset = await importSegOutW(store, data);
  });
  afterEach(() => store.close());

  test.each([
    [true, false],
    [false, false],
    [true, true],
  ])("every category set gives exactly the store's own sums (weighted: %s, cell keys: %s), from one query", async (weighted, keyed) => {
    let calls = 0;
    const counting = new Proxy(store, {
      get(t, p) {
        if (p === "cellSums") return (...a: Parameters<SurveyStore["cellSums"]>) => (calls++, t.cellSums(...a));
        const v: unknown = Reflect.get(t, p, t);
        return typeof v === "function" ? (v as () => unknown).bind(t) : v;
      },
    });
    const shared = withSharedOutcomeSums(counting);
    for (const cats of [["yes"], ["no"], ["maybe"], ["yes", "maybe"], ["absent"]]) {
      const direct = await store.cellSums(dataset, plan(cats, weighted, keyed));
      const derived = await shared.cellSums(dataset, plan(cats, weighted, keyed));
      if (keyed) expect(derived.cells.some((c) => (c.cky ?? 0) > 0)).toBe(cats[0] !== "absent");
      const byCell = (x: typeof direct) => [...x.cells].sort((p, q) => `${p.segment}|${p.outcome}`.localeCompare(`${q.segment}|${q.outcome}`));
      expect({ ...derived, cells: byCell(derived) }).toEqual({ ...direct, cells: byCell(direct) });
    }
    expect(calls).toBe(1);
  });

  test("other methods still reach the real store", async () => {
    const shared = withSharedOutcomeSums(store);
    expect(shared.kind).toBe("duckdb");
    expect((await shared.getDataset("t"))?.respondents).toBe(data.length);
  });
});
