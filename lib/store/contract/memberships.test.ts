/**
 * `memberships` (who a crosstab counts, for the differencing audit) on every backend: each kept
 * row's ordinal in file order, status, segment, value and y, the same rows `cellSums` sums, and the
 * same ordinals for the same respondents in a saved (schema-edit) and a derived (copied) version.
 */
import { describe, expect, test } from "vitest";
import type { CrosstabPlan } from "@/lib/analysis/plan";
import type { SurveyStore } from "../types";
import { BACKENDS, storePerTest } from "./backends.fixtures";
import { importSegOutW, SEG_OUT_W_ROWS, segOutWPlan } from "./seg-out-w.fixtures";

const data = SEG_OUT_W_ROWS;

const plan = segOutWPlan;

describe.each(BACKENDS)("memberships: $name", (backend) => {
  let store: SurveyStore;
  storePerTest(backend, (s) => (store = s));

  const load = () => importSegOutW(store, data, "m1");

  test("ordinals in file order with the status, segment and y cellSums uses", async () => {
    const ds = await load();
    const m = await store.memberships(ds, plan());
    expect(m.universe).toBe(7);
    expect(m.ordinal).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(m.status).toEqual([4, 4, 4, 1, 2, 3, 4]);
    expect(m.segment).toEqual(["a", "a", "b", "b", null, "b", "b"]);
    expect(m.y.filter((y, i) => m.status[i] === 4 && y === 1)).toHaveLength(3);
    const sums = await store.cellSums(ds, plan());
    expect(sums.rows.analytic).toBe(m.status.filter((s) => s === 4).length);
    const filtered = await store.memberships(ds, plan({ filters: [{ kind: "values", column: "c0", values: ["b"] }] } as Partial<CrosstabPlan>));
    expect(filtered.ordinal).toEqual([2, 3, 5, 6]);
  });

  test("a saved version and a derived (copied) version keep every respondent's ordinal", async () => {
    const ds = await load();
    const before = await store.memberships(ds, plan());
    const saved = await store.saveQuestions("m1", ds.questions);
    expect(await store.memberships(saved, plan())).toEqual(before);
    const derived = await store.deriveVersion(
      saved,
      [{ header: "flag", values: data.map((_, i) => (i % 2 ? "odd" : "even")) }],
      [...saved.questions, { id: "flag", label: "flag", type: "single", columns: ["c3"], options: [], missingCodes: [], answered: 7 }],
      { kind: "weighting", fromVersion: saved.version, columns: ["c3"], recipe: { name: "x" }, createdAt: new Date().toISOString() },
    );
    expect(await store.memberships(derived, plan())).toEqual(before);
    const odd = await store.memberships(derived, plan({ filters: [{ kind: "values", column: "c3", values: ["odd"] }] } as Partial<CrosstabPlan>));
    expect(odd.ordinal).toEqual([1, 3, 5]);
  });
});
