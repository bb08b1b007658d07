/**
 * Regression on `test/fixtures/csv-edge-cases/generated/small-cells-survey.csv` (MANIFEST row
 * "small-cells-survey"; research note C31-C33): with k = 5, Legal × 5y+ (n = 1) and every Ops
 * sub-cell are hidden, and "Legal" (n = 6, mean 3.5) followed by "Legal ∧ 1-5y" (n = 5, mean
 * 4.0) is refused, since the pair gives away the lone 5y+ person's score of 1.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { computeCellSums, type TextTable } from "@/lib/engine";
import { crosstabSpecSchema, type CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import { computeCrosstab } from "@/lib/stats";
import { checkDifferencing, protectCrosstab, ReleaseHistory, releaseMetaFromSpec, releaseOf } from "./index";

const csv = readFileSync(join(process.cwd(), "test/fixtures/csv-edge-cases/generated/small-cells-survey.csv"), "utf8");
const [header, ...rows] = Papa.parse<string[]>(csv, { header: false, skipEmptyLines: true }).data;
const table: TextTable = { header, rows };
const VERSION = "small-cells-survey@1";

function run(input: CrosstabSpecInput) {
  const spec = crosstabSpecSchema.parse(input);
  return { spec, result: computeCrosstab(computeCellSums(table, spec)), meta: releaseMetaFromSpec(VERSION, spec) };
}
const meanBy = (segment: string, filters: Record<string, string[]> = {}) => run({ outcome: "q1_score", statistic: "mean", segment, filters });

describe("small-cells-survey.csv (k = 5)", () => {
  it("has the cells the MANIFEST describes", () => {
    expect(rows).toHaveLength(60);
    const { result } = meanBy("department");
    expect(result.segments.map((s) => [s.segment, s.n])).toEqual([["Finance", 10], ["Legal", 6], ["Ops", 8], ["Sales", 36]]);
  });

  it("shows Legal overall but hides Legal × 5y+ and every Ops sub-cell", () => {
    const byDept = protectCrosstab(meanBy("department").result, { k: 5 });
    expect(byDept.segments.find((s) => s.segment === "Legal")).toMatchObject({ n: 6, suppressed: false });
    const legal = protectCrosstab(meanBy("tenure", { department: ["Legal"] }).result, { k: 5 });
    expect(legal.segments.find((s) => s.segment === "5y+")).toMatchObject({ n: null, display: "< 5" });
    // 6 − 5 would give the 5y+ person back. Hiding 1-5y (labelled "—", so known to be ≥ 5) would
    // not help: 5y+ ≤ 6 − 5 = 1. The cheapest honest choice hides the total instead.
    expect(legal.segments.map((s) => [s.segment, s.n])).toEqual([["1-5y", 5], ["5y+", null], ["<1y", 0]]);
    expect(legal.total).toMatchObject({ n: null, display: "—" });
    const ops = protectCrosstab(meanBy("tenure", { department: ["Ops"] }).result, { k: 5 });
    expect(ops.segments.map((s) => s.suppressed)).toEqual([true, true, true]);
    expect(ops.total.n).toBe(8);
  });

  it("blocks Legal ∧ 1-5y after Legal (the differencing regression)", () => {
    // by department (one level each), so that no small cell hides the totals
    const first = meanBy("department", { department: ["Legal"] });
    const second = meanBy("department", { department: ["Legal"], tenure: ["1-5y"] });
    expect(first.result.total).toMatchObject({ n: 6, unweighted: { mean: 3.5 } });
    expect(second.result.total).toMatchObject({ n: 5, unweighted: { mean: 4 } });

    // each alone is fine
    const shownFirst = protectCrosstab(first.result, { k: 5 });
    const shownSecond = protectCrosstab(second.result, { k: 5 });
    expect(shownFirst.total.n).toBe(6);
    expect(shownSecond.total.n).toBe(5);
    expect(checkDifferencing([], releaseOf(shownSecond, second.meta), 5).allowed).toBe(true);

    // the pure guard refuses the pair
    const verdict = checkDifferencing([releaseOf(shownFirst, first.meta)], releaseOf(shownSecond, second.meta), 5);
    expect(verdict.allowed).toBe(false);
    expect(verdict.conflicts).toContainEqual(expect.objectContaining({ releasedCell: "total", candidateCell: "total", what: "n" }));

    // and the per-viewer history refuses it end to end, in either order
    const history = new ReleaseHistory();
    expect(history.protectAndRecord(first.result, { k: 5 }, first.meta).disclosure.blocked).toBe(false);
    const blocked = history.protectAndRecord(second.result, { k: 5 }, second.meta);
    expect(blocked.disclosure.blocked).toBe(true);
    expect(JSON.stringify(blocked)).not.toMatch(/"mean":4\b/);
    expect(blocked.total.n).toBeNull();
    const reversed = new ReleaseHistory();
    reversed.protectAndRecord(second.result, { k: 5 }, second.meta);
    expect(reversed.protectAndRecord(first.result, { k: 5 }, first.meta).disclosure.blocked).toBe(true);
  });

  it("neutralises the same attack by complementary suppression when it comes as a department breakdown", () => {
    const history = new ReleaseHistory();
    const all = meanBy("department");
    const young = meanBy("department", { tenure: ["1-5y"] });
    history.protectAndRecord(all.result, { k: 5 }, all.meta);
    const shown = history.protectAndRecord(young.result, { k: 5 }, young.meta);
    // Ops (n = 3) is hidden, so the next smallest, Legal (n = 5), is hidden with it
    expect(shown.disclosure.blocked).toBe(false);
    expect(shown.disclosure.suppressedSegments).toEqual(["Legal", "Ops"]);
  });
});
