/**
 * Property tests of complementary suppression on bare counts (segments × {count, rest} with the
 * total as margin, and rows in the total without a segment):
 * (a) no primary-hidden cell is determined by the released cells and margins, checked exactly
 *     as a linear system over the rationals (linear-audit.ts);
 * (b) the complements cost (Σ n of the cells hidden as complements) no more than any other valid
 *     choice, found by brute force over every choice on small tables; "valid" restates the rules
 *     independently: no disclosive residual, and reading the honest labels ("< k", "all but < k",
 *     "—") as bounds, every primary cell keeps two feasible values at least in every line.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { determinedUnknowns, type LinearEquation } from "./linear-audit";
import { isSmallCount } from "./rules";
import { planSuppression, type CellDecision, type PlanCell } from "./suppression-plan";

type Rules = { k: number; sensitive: boolean };
type Level = 0 | 1 | 2;
const levelOf = (d: CellDecision): Level => (d.hideN ? 2 : d.hideCount ? 1 : 0);

const tableArb = fc.record({
  segs: fc.array(fc.tuple(fc.nat(25), fc.nat(25)), { minLength: 1, maxLength: 5 }),
  // rows in the total without a segment (include_in_total): often none
  missing: fc.tuple(fc.constantFrom(0, 0, 0, 1, 2, 6), fc.constantFrom(0, 0, 1, 3)),
  k: fc.integer({ min: 3, max: 8 }),
  sensitive: fc.boolean(),
  mean: fc.boolean(),
});
type Table = typeof tableArb extends fc.Arbitrary<infer T> ? T : never;

function cellsOf(t: Table): { total: PlanCell; segments: PlanCell[] } {
  const segments = t.segs.map(([yes, no]) => ({ n: yes + no, count: t.mean ? null : yes }));
  const n = segments.reduce((a, c) => a + c.n, 0) + t.missing[0] + t.missing[1];
  const count = t.mean ? null : t.segs.reduce((a, s) => a + s[0], 0) + t.missing[0];
  return { total: { n, count }, segments };
}

/** Independent statement of rules 2 and 3 for a choice of levels (segments, then the total). */
function valid(total: PlanCell, totalLevel: Level, segments: PlanCell[], levels: Level[], start: Level[], rules: Rules): boolean {
  const { k, sensitive } = rules;
  const bad = (r: number, nonEmpty: boolean) => r < k && (r > 0 || (sensitive && nonEmpty));
  const small = (x: number) => isSmallCount(x, rules);
  const lo0 = sensitive ? 0 : 1;
  const INF = Number.POSITIVE_INFINITY;
  const missingN = total.n - segments.reduce((a, c) => a + c.n, 0);
  const lines = [
    { kind: "n" as const, level: 2, of: (c: PlanCell) => c.n },
    ...(total.count === null
      ? []
      : [
          { kind: "count" as const, level: 1, of: (c: PlanCell) => c.count ?? 0 },
          { kind: "rest" as const, level: 1, of: (c: PlanCell) => c.n - (c.count ?? 0) },
        ]),
  ];
  for (const line of lines) {
    if (totalLevel >= line.level) continue;
    const hidden = segments.map((_, i) => levels[i] >= line.level);
    const residual = line.of(total) - segments.reduce((a, c, i) => a + (hidden[i] ? 0 : line.of(c)), 0);
    const groupN = total.n - segments.reduce((a, c, i) => a + (hidden[i] ? 0 : c.n), 0);
    if (bad(residual, groupN > 0 || hidden.some(Boolean))) return false;
    // what the labels tell: [lo, hi] per hidden cell, and whether it is a primary cell
    const boxes: { lo: number; hi: number; primary: boolean }[] = [];
    segments.forEach((c, i) => {
      if (!hidden[i]) return;
      const v = line.of(c);
      const countPrimary = start[i] >= 1;
      if (levels[i] === 2) {
        const label = small(c.n) ? "< k" : "—";
        if (line.kind === "n") boxes.push(label === "< k" ? { lo: lo0, hi: k - 1, primary: true } : { lo: v === 0 ? 0 : k, hi: v === 0 ? 0 : INF, primary: false });
        else boxes.push(label === "< k" ? { lo: 0, hi: k - 1, primary: true } : { lo: 0, hi: c.n === 0 ? 0 : INF, primary: countPrimary });
        return;
      }
      const count = c.count ?? 0;
      const label = !countPrimary ? "—" : small(count) ? "< k" : "all but < k";
      if (label === "—") {
        const [lo, hi] = v === 0 ? [0, 0] : v === c.n ? [c.n, c.n] : [k, c.n - k];
        boxes.push({ lo, hi, primary: false });
        return;
      }
      // the value of the labelled side is small; the other side is n minus it
      const labelledSide = label === "< k" ? "count" : "rest";
      boxes.push(line.kind === labelledSide ? { lo: lo0, hi: k - 1, primary: true } : { lo: c.n - k + 1, hi: c.n - lo0, primary: true });
    });
    if (!boxes.some((b) => b.primary)) continue;
    // the rows without a segment: their n is known, their count lies in 0..that n
    boxes.push(line.kind === "n" ? { lo: missingN, hi: missingN, primary: false } : { lo: 0, hi: missingN, primary: false });
    for (const [j, b] of boxes.entries()) {
      if (!b.primary) continue;
      const othersLo = boxes.reduce((a, x, i) => a + (i === j ? 0 : x.lo), 0);
      const othersHi = boxes.reduce((a, x, i) => a + (i === j ? 0 : x.hi), 0);
      let feasible = 0;
      for (let v = b.lo; v <= Math.min(b.hi, residual); v++) if (residual - v >= othersLo && residual - v <= othersHi) feasible++;
      if (feasible < 2) return false;
    }
  }
  return true;
}

const complementCost = (segments: PlanCell[], start: Level[], levels: Level[]) => levels.reduce<number>((a, l, i) => a + (l > start[i] ? segments[i].n : 0), 0);

const primaryLevel = (c: PlanCell, rules: Rules): Level => {
  if (isSmallCount(c.n, rules)) return 2;
  return c.count !== null && (isSmallCount(c.count, rules) || isSmallCount(c.n - c.count, rules)) ? 1 : 0;
};

describe("planSuppression: complements", () => {
  it("(a) no primary-hidden cell can be recomputed from the released cells and margins (exact linear algebra)", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const rules = { k: t.k, sensitive: t.sensitive };
        const { total, segments } = cellsOf(t);
        const plan = planSuppression(total, segments, rules);
        const levels = plan.segments.map(levelOf);
        // unknowns: hidden segment n and counts, the rows without a segment (known to be 0 only
        // when the released n say so: no n hidden and none missing)
        const unknowns: string[] = [];
        const eqN: Record<string, number> = {};
        const eqC: Record<string, number> = {};
        segments.forEach((_, i) => {
          if (levels[i] >= 2) {
            unknowns.push(`n${i}`);
            eqN[`n${i}`] = 1;
          }
          if (levels[i] >= 1 && total.count !== null) {
            unknowns.push(`c${i}`);
            eqC[`c${i}`] = 1;
          }
        });
        const missingKnownZero = t.missing[0] + t.missing[1] === 0 && !levels.some((l) => l >= 2);
        if (!missingKnownZero) {
          unknowns.push("mn", "mc");
          eqN.mn = 1;
          eqC.mc = 1;
        }
        const equations: LinearEquation[] = [];
        if (!plan.total.hideN && Object.keys(eqN).length) equations.push(eqN);
        if (total.count !== null && !plan.total.hideCount && Object.keys(eqC).length) equations.push(eqC);
        // the rest (n − count) of each segment and of the total is a combination of these
        const determined = determinedUnknowns(equations, unknowns);
        plan.segments.forEach((d, i) => {
          if (d.why === "small_n") expect(determined.has(`n${i}`), `n of segment ${i}`).toBe(false);
          if (d.why === "small_count") expect(determined.has(`c${i}`), `count of segment ${i}`).toBe(false);
        });
      }),
      { numRuns: 1500 },
    );
  });

  it("(b) the complements hide no more respondents than any other valid choice (brute force)", () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const rules = { k: t.k, sensitive: t.sensitive };
        const { total, segments } = cellsOf(t);
        const plan = planSuppression(total, segments, rules);
        // the primary levels, stated independently of the planner
        const start = segments.map((c) => primaryLevel(c, rules));
        const totalStart = primaryLevel(total, rules);
        const levels = plan.segments.map(levelOf);
        const totalLevel = levelOf(plan.total);
        levels.forEach((l, i) => expect(l).toBeGreaterThanOrEqual(start[i]));
        expect(totalLevel).toBeGreaterThanOrEqual(totalStart);
        expect(valid(total, totalLevel, segments, levels, start, rules)).toBe(true);
        const cost = (ls: Level[], tl: Level) => complementCost(segments, start, ls) + (tl > totalStart ? total.n : 0);
        const range = (s: Level): Level[] => (t.mean ? (s === 2 ? [2] : [0, 2]) : ([0, 1, 2] as Level[]).filter((l) => l >= s));
        let best = Number.POSITIVE_INFINITY;
        const walk = (i: number, acc: Level[]) => {
          if (i === segments.length) {
            for (const tl of range(totalStart)) if (valid(total, tl, segments, acc, start, rules)) best = Math.min(best, cost(acc, tl));
            return;
          }
          for (const l of range(start[i])) walk(i + 1, [...acc, l]);
        };
        walk(0, []);
        expect(cost(levels, totalLevel)).toBe(best);
      }),
      { numRuns: 600 },
    );
  }, 60_000);

  it("finds a cheaper choice than the greedy rule: one segment that covers two failing lines", () => {
    // segment 0: count 3 and rest 2 are small (count hidden); the count line and the rest line
    // then both fail. Greedy hid segment 1 (smallest with a count) and then segment 2 (smallest
    // with a rest): 20 respondents. Segment 3 alone fixes both lines: 12.
    const rules = { k: 5, sensitive: false };
    const segments = [
      { n: 5, count: 3 },
      { n: 10, count: 10 },
      { n: 10, count: 0 },
      { n: 12, count: 6 },
    ];
    const plan = planSuppression({ n: 37, count: 19 }, segments, rules);
    expect(plan.segments.map((d) => d.why)).toEqual(["small_count", null, null, "complementary"]);
    expect(plan.segments[3]).toMatchObject({ hideN: false, hideCount: true });
  });
});
