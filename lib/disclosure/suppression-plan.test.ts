import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_DISCLOSURE_RULES, isSmallCount, planSuppression, resolveDisclosureRules, suppressedLabel, type PlanCell } from "./index";

const cells = (...ns: number[]): PlanCell[] => ns.map((n) => ({ n, count: null }));

describe("rules", () => {
  it("defaults to k = 5, not sensitive, viewer, and refuses k under 3", () => {
    expect(resolveDisclosureRules()).toEqual({ k: 5, sensitive: false, role: "viewer" });
    expect(DEFAULT_DISCLOSURE_RULES).toEqual({ k: 5, sensitive: false, role: "viewer" });
    expect(() => resolveDisclosureRules({ k: 2 })).toThrow(/k: must be at least 3/);
    expect(suppressedLabel(10)).toBe("< 10");
    expect([0, 1, 4, 5].map((n) => isSmallCount(n, { k: 5, sensitive: false }))).toEqual([false, true, true, false]);
    expect(isSmallCount(0, { k: 5, sensitive: true })).toBe(true);
  });
});

describe("planSuppression", () => {
  const k5 = { k: 5, sensitive: false };

  it("hides the next smallest segment so a lone hidden cell cannot be recomputed", () => {
    const plan = planSuppression({ n: 60, count: null }, cells(40, 8, 9, 3), k5);
    expect(plan.segments.map((d) => d.why)).toEqual([null, "complementary", null, "small_n"]);
  });

  it("needs nothing more when the hidden cells together reach k", () => {
    const plan = planSuppression({ n: 60, count: null }, cells(50, 4, 3, 3), k5);
    expect(plan.segments.map((d) => d.hideN)).toEqual([false, true, true, true]);
    expect(plan.total.hideN).toBe(false);
  });

  it("hides a total small in the category, and never picks a zero segment as protection", () => {
    const plan = planSuppression({ n: 7, count: 3 }, [{ n: 0, count: 0 }], k5);
    expect(plan.total).toMatchObject({ hideN: false, hideCount: true });
    const plan2 = planSuppression({ n: 9, count: null }, cells(0, 5), k5);
    expect(plan2.segments[1].hideN).toBe(true);
    expect(plan2.total.hideN).toBe(false);
  });

  it("for random counts, shown cells and total − shown segments are never 1..k−1", () => {
    const arb = fc.record({
      segs: fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { minLength: 1, maxLength: 7 }),
      missing: fc.tuple(fc.nat(6), fc.nat(6)),
      k: fc.integer({ min: 3, max: 10 }),
      sensitive: fc.boolean(),
      mean: fc.boolean(),
    });
    fc.assert(
      fc.property(arb, ({ segs, missing, k, sensitive, mean }) => {
        const rules = { k, sensitive };
        const segCells = segs.map(([yes, no]) => ({ n: yes + no, count: mean ? null : yes }));
        const total = { n: segCells.reduce((a, c) => a + c.n, 0) + missing[0] + missing[1], count: mean ? null : segs.reduce((a, s) => a + s[0], 0) + missing[0] };
        const plan = planSuppression(total, segCells, rules);
        const small = (x: number) => isSmallCount(x, rules);
        [total, ...segCells].forEach((c, i) => {
          const d = i === 0 ? plan.total : plan.segments[i - 1];
          expect(d.hideCount || !d.hideN).toBe(true);
          if (!d.hideN) expect(small(c.n)).toBe(false);
          if (!d.hideCount && c.count !== null) expect(small(c.count) || small(c.n - c.count)).toBe(false);
        });
        const bad = (r: number, nonEmpty: boolean) => r < k && (r > 0 || (sensitive && nonEmpty));
        if (!plan.total.hideN) {
          const r = total.n - segCells.reduce((a, c, i) => a + (plan.segments[i].hideN ? 0 : c.n), 0);
          expect(bad(r, r > 0 || plan.segments.some((d) => d.hideN))).toBe(false);
        }
        if (!plan.total.hideCount && total.count !== null) {
          const shown = segCells.filter((_, i) => !plan.segments[i].hideCount);
          const groupN = total.n - shown.reduce((a, c) => a + c.n, 0);
          const rc = total.count - shown.reduce((a, c) => a + (c.count ?? 0), 0);
          const nonEmpty = groupN > 0 || plan.segments.some((d) => d.hideCount);
          expect(bad(rc, nonEmpty) || bad(groupN - rc, nonEmpty)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});
