/**
 * Property tests (research notes C31, C32, C34): for random datasets, filter specs and settings,
 * no protected result shows a count under k, directly or as total − Σ shown segments, and no
 * hidden cell keeps a number; two releases one viewer gets never differ by 1..k−1 respondents.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeCellSums } from "@/lib/engine";
import { crosstabSpecSchema, type CrosstabSpec } from "@/lib/schema/crosstab-spec";
import type { CrosstabResult } from "@/lib/schema/crosstab-result";
import { computeCrosstab } from "@/lib/stats";
import { checkDifferencing, isSmallCount, protectCrosstab, ReleaseHistory, releaseMetaFromSpec, releaseOf, type ProtectedCrosstab } from "./index";
import { numbersIn } from "./disclosure.fixtures";

const HEADER = ["q", "seg", "f", "g", "w"];
type Rules = { k: number; sensitive: boolean };

const rowArb = (mean: boolean) =>
  fc.tuple(
    fc.constantFrom(...(mean ? ["1", "2", "3", "5", "5", ""] : ["Yes", "Yes", "No", "No", "Maybe", ""])),
    fc.constantFrom("A", "A", "A", "B", "B", "C", "D", ""),
    fc.constantFrom("x", "x", "y", "z"),
    fc.constantFrom("p", "q"),
    fc.constantFrom("1", "1", "2", "0.5", "0"),
  );
const subset = fc.subarray(["x", "y", "z"], { minLength: 1 });

const scenarioArb = fc.boolean().chain((mean) =>
  fc.record({
    mean: fc.constant(mean),
    rows: fc.array(rowArb(mean), { minLength: 1, maxLength: 90 }),
    k: fc.integer({ min: 3, max: 8 }),
    sensitive: fc.boolean(),
    weighted: fc.boolean(),
    missing: fc.constantFrom("drop" as const, "include_in_total" as const),
    levels: fc.option(fc.constantFrom(["A", "B", "C", "D", "E"], ["D", "A", "B"]), { nil: undefined }),
    filterF: fc.option(subset, { nil: undefined }),
    narrowF: fc.option(subset, { nil: undefined }),
    narrowG: fc.option(fc.subarray(["p", "q"], { minLength: 1 }), { nil: undefined }),
  }),
);
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function specOf(s: Scenario, filters: Record<string, string[]>): CrosstabSpec {
  return crosstabSpecSchema.parse({
    outcome: "q",
    statistic: s.mean ? "mean" : "proportion",
    ...(s.mean ? {} : { outcome_category: "Yes" }),
    segment: "seg",
    ...(s.weighted ? { weight: "w" } : {}),
    filters,
    segment_levels: s.levels,
    missing_segment: s.missing,
  });
}

function compute(s: Scenario, spec: CrosstabSpec): CrosstabResult | null {
  try {
    return computeCrosstab(computeCellSums({ header: HEADER, rows: s.rows }, spec));
  } catch {
    return null; // no analytic rows
  }
}

function assertProtected(raw: CrosstabResult, p: ProtectedCrosstab, rules: Rules) {
  const small = (x: number) => isSmallCount(x, rules);
  for (const b of [p.total, ...p.segments]) {
    if (b.n !== null) expect(small(b.n), "shown n").toBe(false);
    else expect(numbersIn({ ...b, display: null }), "numbers in a hidden block").toEqual([]);
    if ("count" in b && b.count !== null && b.n !== null) expect(small(b.count) || small(b.n - b.count), "shown count").toBe(false);
    if ("count" in b && b.count === null) expect(numbersIn([b.weighted_count, b.unweighted, b.weighted])).toEqual([]);
  }
  const hiddenN = p.segments.filter((s) => s.n === null).map((s) => s.segment);
  const hiddenC = p.segments.filter((s) => s.n === null || ("count" in s && s.count === null)).map((s) => s.segment);
  // total − Σ shown segments, for n and (proportions) count and n − count
  const residualOk = (residual: number, groupNonEmpty: boolean) => !(residual < rules.k && (residual > 0 || (rules.sensitive && groupNonEmpty)));
  if (p.total.n !== null) {
    const shown = p.segments.filter((s) => s.n !== null);
    const r = p.total.n - shown.reduce((a, s) => a + (s.n ?? 0), 0);
    expect(residualOk(r, r > 0 || hiddenN.length > 0), "total − shown n").toBe(true);
    expect(p.rows?.analytic).toBe(p.total.n);
  } else expect(p.rows).toBeNull();
  if (p.statistic === "proportion" && p.total.count !== null && p.total.n !== null) {
    const shown = p.segments.filter((s) => s.count !== null && s.n !== null);
    const groupN = p.total.n - shown.reduce((a, s) => a + (s.n ?? 0), 0);
    const rc = p.total.count - shown.reduce((a, s) => a + (s.count ?? 0), 0);
    const ro = groupN - rc;
    expect(residualOk(rc, groupN > 0 || hiddenC.length > 0), "total − shown count").toBe(true);
    expect(residualOk(ro, groupN > 0 || hiddenC.length > 0), "total − shown complement").toBe(true);
  }
  if (hiddenN.length > 0) expect(p.rows?.analytic_with_segment ?? null).toBeNull();
  const hiddenPair = p.statistic === "mean" ? hiddenN : hiddenC;
  for (const pair of p.pairwise) expect(hiddenPair.includes(pair.a) || hiddenPair.includes(pair.b)).toBe(false);
  if (p.statistic === "proportion" && (hiddenC.length > 0 || p.total.count === null)) {
    for (const t of [p.chisq.full, p.chisq.binary]) if (t !== null) expect(t.n).toBeNull();
  }
  if (p.statistic === "proportion" && rules.sensitive && hiddenC.length > 0) expect(p.chisq).toEqual({ full: null, binary: null });
  // the shown segments are exactly those the raw result has, in order
  expect(p.segments.map((s) => s.segment)).toEqual(raw.segments.map((s) => s.segment));
}

describe("protectCrosstab properties", () => {
  it("never shows a cell under k, directly or as total − shown segments", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const spec = specOf(s, s.filterF ? { f: s.filterF } : {});
        const raw = compute(s, spec);
        if (raw === null) return;
        const before = JSON.stringify(raw);
        const rules = { k: s.k, sensitive: s.sensitive };
        const p = protectCrosstab(raw, rules);
        expect(JSON.stringify(raw)).toBe(before);
        expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity/);
        assertProtected(raw, p, rules);
        // a protected result never conflicts with itself
        expect(checkDifferencing([], releaseOf(p, releaseMetaFromSpec("v", spec)), rules).allowed).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("never lets one viewer see two nested results that differ by 1..k−1 respondents", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const rules = { k: s.k, sensitive: s.sensitive };
        const wideFilters: Record<string, string[]> = s.filterF ? { f: s.filterF } : {};
        const narrowF = (s.narrowF ?? s.filterF ?? ["x", "y", "z"]).filter((v) => !s.filterF || s.filterF.includes(v));
        const narrowFilters: Record<string, string[]> = { f: narrowF, ...(s.narrowG ? { g: s.narrowG } : {}) };
        const history = new ReleaseHistory();
        const shown: { p: ProtectedCrosstab; spec: CrosstabSpec }[] = [];
        for (const filters of [wideFilters, narrowFilters]) {
          const spec = specOf(s, filters);
          const raw = compute(s, spec);
          if (raw === null) continue;
          const p = history.protectAndRecord(raw, rules, releaseMetaFromSpec("v", spec));
          if (!p.disclosure.blocked) shown.push({ p, spec });
          else expect(numbersIn([p.total, p.segments, p.pairwise, p.rows])).toEqual([]);
        }
        if (shown.length < 2) return;
        const [wide, narrow] = shown.map((x) => x.p);
        const cellsOf = (p: ProtectedCrosstab) => [{ label: "total", b: p.total }, ...p.segments.map((b) => ({ label: b.segment, b }))];
        for (const w of cellsOf(wide)) {
          for (const n of cellsOf(narrow)) {
            // nested by construction: total ⊇ total, total ⊇ level, level ⊇ same level
            if (!(w.label === "total" || w.label === n.label) || w.b.n === null || n.b.n === null) continue;
            const d = w.b.n - n.b.n;
            expect(d === 0 || d >= rules.k, `respondents in ${w.label} − ${n.label}`).toBe(true);
            if (d > 0 && "count" in w.b && "count" in n.b && w.b.count !== null && n.b.count !== null) {
              expect(isSmallCount(w.b.count - n.b.count, rules)).toBe(false);
              expect(isSmallCount(d - (w.b.count - n.b.count), rules)).toBe(false);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
