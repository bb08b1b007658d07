import { describe, expect, it } from "vitest";
import { checkDifferencing, isSubsetPredicate, protectCrosstab, ReleaseHistory, releaseOf, type ReleasedAggregate, type ReleaseMeta } from "./index";
import { crosstabOf, rep, type Row } from "./disclosure.fixtures";

const cell = (label: string, predicate: Record<string, string[]>, n: number, count: number | null = null) => ({ label, predicate, n, count });
const agg = (filterKey: string, cells: ReleasedAggregate["cells"], over: Partial<ReleasedAggregate> = {}): ReleasedAggregate => ({
  datasetVersion: "ds@1",
  analysisKey: '["q","mean",null]',
  filterKey,
  cells,
  ...over,
});
const legal = agg("legal", [cell("total", { dept: ["Legal"] }, 6)]);
const legalYoung = agg("legal-young", [cell("total", { dept: ["Legal"], tenure: ["1-5y"] }, 5)]);

describe("isSubsetPredicate", () => {
  it("knows a narrower filter set", () => {
    expect(isSubsetPredicate({ dept: ["Legal"], tenure: ["1-5y"] }, { dept: ["Legal"] })).toBe(true);
    expect(isSubsetPredicate({ dept: ["Legal"] }, { dept: ["Legal", "Ops"] })).toBe(true);
    expect(isSubsetPredicate({}, {})).toBe(true);
    expect(isSubsetPredicate({ dept: ["Legal"] }, { dept: ["Legal"], tenure: ["1-5y"] })).toBe(false);
    expect(isSubsetPredicate({ dept: ["Legal"] }, { tenure: ["1-5y"] })).toBe(false);
  });
});

describe("checkDifferencing", () => {
  it("blocks nested results that differ by 1..k−1 respondents, in either order", () => {
    const v = checkDifferencing([legal], legalYoung, 5);
    expect(v.allowed).toBe(false);
    expect(v.conflicts).toEqual([{ releasedFilterKey: "legal", releasedCell: "total", candidateCell: "total", what: "n" }]);
    expect(!v.allowed && v.reason[0]).toBe("differencing: total and total of legal differ by < 5 in n");
    expect(checkDifferencing([legalYoung], legal, 5).allowed).toBe(false);
  });

  it("allows differences of 0 or at least k, and unrelated filter sets", () => {
    expect(checkDifferencing([legal], agg("b", [cell("total", { dept: ["Legal"], tenure: ["1-5y"] }, 1)]), 5).allowed).toBe(true);
    expect(checkDifferencing([legal], agg("b", [cell("total", { dept: ["Legal"], tenure: ["1-5y", "5y+"] }, 6)]), 5).allowed).toBe(true);
    expect(checkDifferencing([legal], agg("b", [cell("total", { tenure: ["1-5y"] }, 5)]), 5).allowed).toBe(true);
    expect(checkDifferencing([legal], legalYoung, 3).allowed).toBe(false);
  });

  it("compares only within one dataset version and analysis", () => {
    expect(checkDifferencing([{ ...legal, datasetVersion: "ds@2" }], legalYoung, 5).allowed).toBe(true);
    expect(checkDifferencing([{ ...legal, analysisKey: "other" }], legalYoung, 5).allowed).toBe(true);
  });

  it("checks category counts of the difference group when both are shown", () => {
    const wide = agg("w", [cell("total", { f: ["a", "b"] }, 40, 20)], { analysisKey: "p" });
    const narrow = (count: number) => agg("n", [cell("total", { f: ["a"] }, 30, count)], { analysisKey: "p" });
    expect(checkDifferencing([wide], narrow(18), 5).conflicts[0]?.what).toBe("count");
    expect(checkDifferencing([wide], narrow(12), 5).conflicts[0]?.what).toBe("complement");
    expect(checkDifferencing([wide], narrow(15), 5).allowed).toBe(true);
    expect(checkDifferencing([wide], narrow(20), 5).allowed).toBe(true);
    expect(checkDifferencing([wide], narrow(20), { k: 5, sensitive: true }).conflicts[0]?.what).toBe("count");
  });

  it("checks the candidate's own cells against each other", () => {
    const self = agg("s", [cell("total", { f: ["a", "b"] }, 12), cell("a", { f: ["a"] }, 10)]);
    expect(checkDifferencing([], self, 5).allowed).toBe(false);
  });
});

describe("ReleaseHistory", () => {
  const meta = (filters: Record<string, string[]>): ReleaseMeta => ({
    datasetVersion: "ds@1", outcome: "q", statistic: "mean", weight: null, segment: "seg", missingSegment: "drop", filters,
  });
  const rows: Row[] = [...rep(10, ["3", "A", "x"]), ...rep(8, ["4", "B", "x"]), ...rep(2, ["1", "B", "y"])];
  const result = (filters: Record<string, string[]>) => crosstabOf(rows, { statistic: "mean", filters });

  it("records what was shown, once, and blocks a too-similar result", () => {
    const h = new ReleaseHistory();
    const first = h.protectAndRecord(result({}), { k: 5 }, meta({}));
    expect(first.disclosure.blocked).toBe(false);
    h.protectAndRecord(result({}), { k: 5 }, meta({}));
    expect(h.size).toBe(1);
    const second = h.protectAndRecord(result({ f: ["x"] }), { k: 5 }, meta({ f: ["x"] }));
    expect(second.disclosure.blocked).toBe(true);
    expect(second.total.n).toBeNull();
    expect(second.segments.every((s) => s.n === null && s.suppressed)).toBe(true);
    expect(second.rows).toBeNull();
    expect(second.pairwise).toEqual([]);
    expect(second.disclosure.reason.some((r) => r.startsWith("differencing: "))).toBe(true);
    expect(h.size).toBe(1);
  });

  it("check does not record; admit does when allowed; empty releases are not stored", () => {
    const h = new ReleaseHistory();
    const shown = releaseOf(protectCrosstab(result({}), { k: 5 }), meta({}));
    expect(h.check(shown, 5).allowed).toBe(true);
    expect(h.size).toBe(0);
    expect(h.admit(shown, 5).allowed).toBe(true);
    expect(h.size).toBe(1);
    h.record({ ...shown, cells: [] });
    expect(h.size).toBe(1);
  });
});
