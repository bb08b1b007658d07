/**
 * The cell-sums statement leaves the segment level list out when a plan takes the default levels
 * (every non-missing value) and derives a share's y sums from n, Σw, Σw². Both are shortcuts: on
 * every backend, for shares and means, both missing-segment rules, segment missing codes, filters
 * and the cell-key sums, the answer must equal the one computed with the levels spelled out
 * (where the statement keeps the IN list), cell by cell and row count by row count, and the
 * y sums must equal y·n / y·Σw / y·Σw² exactly.
 */
import { describe, expect, test } from "vitest";
import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { CrosstabInput } from "@/lib/schema/cell-sums";
import type { SurveyStore } from "../types";
import { BACKENDS, storePerTest } from "./backends.fixtures";
import { importSegOutW, segOutWPlan } from "./seg-out-w.fixtures";

const ROWS = [
  ["a", "yes", "2"],
  ["a", "no", "1"],
  ["b", "yes", "1"],
  ["b", "", "1"],
  ["", "yes", "1"],
  ["b", "no", "-1"],
  ["b", "yes", "0.5"],
  ["x", "no", "3"], // a segment missing code in some plans
  ["c", "4", "1.5"],
  ["c", "yes", "x"],
  ["a", "2.5", "2"],
];

const PLANS: [string, Partial<CrosstabPlan>][] = [
  ["share", {}],
  ["share, segment code x missing", { segment: { column: "c0", missingCodes: ["x"] } }],
  ["share, missing segments in the total", { missingSegment: "include_in_total", segment: { column: "c0", missingCodes: ["x"] } }],
  ["share of two answers, filtered", { outcomeCategories: ["yes", "no"], filters: [{ kind: "values", column: "c0", values: ["a", "b", "x"] }] }],
  ["mean", { statistic: "mean", outcomeCategories: [] }],
  ["mean, missing segments in the total", { statistic: "mean", outcomeCategories: [], missingSegment: "include_in_total" }],
  ["share with cell keys", { cellKey: { secret: "s3cret" } }],
  ["mean with cell keys, filtered", { statistic: "mean", outcomeCategories: [], cellKey: { secret: "s3cret" }, filters: [{ kind: "values", column: "c1", values: ["yes", "4", "2.5"] }] }],
];

const sorted = (x: CrosstabInput) => ({ ...x, cells: [...x.cells].sort((p, q) => `${p.segment}|${p.outcome}`.localeCompare(`${q.segment}|${q.outcome}`)) });

describe.each(BACKENDS)("default segment levels: $name", (backend) => {
  let store: SurveyStore;
  storePerTest(backend, (s) => (store = s));

  test.each(PLANS)("%s: same sums as with the levels spelled out", async (_, over) => {
    const ds = await importSegOutW(store, ROWS, "dl");
    const plan = segOutWPlan(over);
    const byDefault = await store.cellSums(ds, plan);
    expect(byDefault.segmentLevels.length).toBeGreaterThan(0);
    const spelled = await store.cellSums(ds, { ...plan, segmentLevels: byDefault.segmentLevels });
    expect(sorted(byDefault)).toEqual(sorted(spelled));
    expect(byDefault.rows.analytic).toBe(byDefault.cells.reduce((a, c) => a + c.n, 0));
    if (plan.statistic !== "mean") {
      for (const c of byDefault.cells) {
        const y = plan.outcomeCategories.includes(c.outcome!) ? 1 : 0;
        expect([c.sy, c.sy2, c.swy, c.swy2, c.sw2y, c.sw2y2]).toEqual([y * c.n, y * c.n, y * c.sw, y * c.sw, y * c.sw2, y * c.sw2]);
      }
    }
    // the memberships count the same rows as the sums
    const m = await store.memberships(ds, plan);
    expect(m.status.filter((s) => s === 4).length).toBe(byDefault.rows.analytic);
  });
});
