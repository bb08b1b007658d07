/**
 * Property test: for random small tables (single choice and a 4-point scale with NETs, one or two
 * segments, weighted or not, sensitive or not), no banner cell with 1..k−1 respondents is revealed:
 * not directly, not as a column's base − shown answers, not as a NET − its shown answers, not as
 * the Total − shown segments of any group, and no hidden cell keeps a number.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSmallCount, protectCrosstab } from "@/lib/disclosure";
import { computeCellSums } from "@/lib/engine";
import type { BannerResult } from "@/lib/schema/banner";
import { crosstabSpecSchema, type CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import type { Dataset } from "@/lib/schema/dataset";
import { computeCrosstab } from "@/lib/stats";
import { runBanner } from "./banner";

const HEADER = ["q", "seg", "seg2", "w"];
const CODES = ["1", "2", "3", "4"];

const scenarioArb = fc.record({
  rows: fc.array(
    fc.tuple(fc.constantFrom("1", "2", "2", "3", "3", "3", "4", "4", ""), fc.constantFrom("A", "A", "B", "B", "C", ""), fc.constantFrom("x", "x", "y"), fc.constantFrom("1", "2", "0.5")),
    { minLength: 1, maxLength: 200 },
  ),
  k: fc.integer({ min: 3, max: 7 }),
  sensitive: fc.boolean(),
  weighted: fc.boolean(),
  ordinal: fc.boolean(),
  two: fc.boolean(),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function datasetOf(s: Scenario): Dataset {
  const q = (id: string, type: string, codes: string[]) => ({ id, label: id, type, columns: ["c0"], options: codes.map((c) => ({ code: c, label: c, count: 0 })), missingCodes: [], answered: 0 });
  return { id: "t", version: 1, questions: [q("q", s.ordinal ? "ordinal" : "single", CODES), q("seg", "single", ["A", "B", "C"]), q("seg2", "single", ["x", "y"])] } as unknown as Dataset;
}

function check(b: BannerResult, rules: { k: number; sensitive: boolean }) {
  const small = (x: number) => isSmallCount(x, rules);
  const leak = (residual: number, anyHidden: boolean) => residual < rules.k && (residual > 0 || (rules.sensitive && anyHidden));
  for (const c of b.columns) if (c.n !== null) expect(small(c.n), `base ${c.id}`).toBe(false);
  for (const r of b.rows) {
    r.cells.forEach((cell, ci) => {
      if (cell.hidden !== null) expect([cell.value, cell.ci, cell.count, cell.letters, cell.marks]).toEqual([null, null, null, "", undefined]);
      const n = b.columns[ci].n;
      if (cell.count !== null) {
        expect(small(cell.count), `count ${r.id}/${cell.columnId}`).toBe(false);
        if (n !== null) expect(small(n - cell.count), `complement ${r.id}/${cell.columnId}`).toBe(false);
      }
    });
  }
  const options = b.rows.filter((r) => r.kind === "option");
  b.columns.forEach((col, ci) => {
    const hidden = options.filter((r) => r.cells[ci].count === null);
    if (col.n === null || !hidden.length || hidden.length === options.length) return;
    const residual = col.n - options.reduce((a, r) => a + (r.cells[ci].count ?? 0), 0);
    expect(leak(residual, true), `column ${col.id}: base − shown answers = ${residual}`).toBe(false);
  });
  for (const net of b.rows.filter((r) => r.kind === "net")) {
    net.cells.forEach((cell, ci) => {
      if (cell.count === null) return;
      for (const code of net.codes) expect(options.find((o) => o.codes[0] === code)!.cells[ci].count, `NET ${net.id} with a hidden answer`).not.toBeNull();
    });
  }
  // Total − shown segments of each group, per answer
  for (const r of b.rows) {
    const total = r.cells[0].count;
    if (total === null) continue;
    const segs = [...new Set(b.columns.flatMap((c) => (c.segment ? [c.segment] : [])))];
    for (const seg of segs) {
      const idx = b.columns.map((c, i) => (c.segment === seg ? i : -1)).filter((i) => i >= 0);
      const hidden = idx.filter((i) => r.cells[i].count === null);
      if (!hidden.length) continue;
      const residual = total - idx.reduce((a, i) => a + (r.cells[i].count ?? 0), 0);
      // rows without a segment also sit in this residual, so a leak needs hidden cells behind it
      expect(leak(residual, true), `row ${r.id} group ${seg}: total − shown = ${residual}`).toBe(false);
    }
  }
}

describe("banner small-cell protection (property)", () => {
  it("never reveals a cell with 1..k−1 respondents", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const rules = { k: s.k, sensitive: s.sensitive };
        const run = async (spec: CrosstabSpecInput) => {
          const parsed = crosstabSpecSchema.parse(spec);
          return protectCrosstab(computeCrosstab(computeCellSums({ header: HEADER, rows: s.rows }, parsed)), { ...rules, role: "viewer" });
        };
        let b: BannerResult;
        try {
          b = await runBanner(datasetOf(s), { outcome: "q", segments: s.two ? ["seg", "seg2"] : ["seg"], ...(s.weighted ? { weight: "w" } : {}) }, run, { ...rules, minBase: 30 });
        } catch {
          return; // no analytic rows
        }
        check(b, rules);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
