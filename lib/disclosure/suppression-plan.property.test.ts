/**
 * Property tests of complementary suppression on bare counts (segments × {count, rest} with the
 * total as margin, and rows in the total without a segment):
 * (a) no primary-hidden cell is determined by the released cells and margins, checked exactly
 *     as a linear system over the rationals (linear-audit.ts);
 * (b) the complements cost (Σ n of segments hidden as complements) no more than any other valid
 *     choice, found by brute force over every choice on small tables.
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

/** Independent statement of rule 2: with the total shown, no line's residual is disclosive. */
function valid(total: PlanCell, totalLevel: Level, segments: PlanCell[], levels: Level[], rules: Rules): boolean {
  const bad = (r: number, nonEmpty: boolean) => r < rules.k && (r > 0 || (rules.sensitive && nonEmpty));
  const hiddenAt = (lvl: number) => levels.some((l) => l >= lvl);
  if (totalLevel < 2) {
    const shownN = segments.reduce((a, c, i) => a + (levels[i] >= 2 ? 0 : c.n), 0);
    const r = total.n - shownN;
    if (bad(r, r > 0 || hiddenAt(2))) return false;
  }
  if (totalLevel < 1 && total.count !== null) {
    const shown = segments.filter((_, i) => levels[i] < 1);
    const groupN = total.n - shown.reduce((a, c) => a + c.n, 0);
    const rc = total.count - shown.reduce((a, c) => a + (c.count ?? 0), 0);
    const nonEmpty = groupN > 0 || hiddenAt(1);
    if (bad(rc, nonEmpty) || bad(groupN - rc, nonEmpty)) return false;
  }
  return true;
}

const complementCost = (segments: PlanCell[], start: Level[], levels: Level[]) => levels.reduce((a, l, i) => a + (l > start[i] ? segments[i].n : 0), 0);

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
        // the primary level of each segment, stated independently of the planner
        const start = segments.map((c): Level => {
          if (isSmallCount(c.n, rules)) return 2;
          return c.count !== null && (isSmallCount(c.count, rules) || isSmallCount(c.n - c.count, rules)) ? 1 : 0;
        });
        const levels = plan.segments.map(levelOf);
        const totalLevel = levelOf(plan.total);
        levels.forEach((l, i) => expect(l).toBeGreaterThanOrEqual(start[i]));
        expect(valid(total, totalLevel, segments, levels, rules)).toBe(true);
        // the total is hidden only by its own primary rule here (small tables never hit the search limit)
        const totalPrimary: Level = isSmallCount(total.n, rules) ? 2 : total.count !== null && (isSmallCount(total.count, rules) || isSmallCount(total.n - total.count, rules)) ? 1 : 0;
        expect(totalLevel).toBe(totalPrimary);
        let best = Number.POSITIVE_INFINITY;
        const choices: Level[][] = start.map((s) => (t.mean ? (s === 2 ? [2] : [0, 2]) : ([0, 1, 2] as Level[]).filter((l) => l >= s)) as Level[]);
        const walk = (i: number, acc: Level[]) => {
          if (i === choices.length) {
            if (valid(total, totalPrimary, segments, acc, rules)) best = Math.min(best, complementCost(segments, start, acc));
            return;
          }
          for (const l of choices[i]) walk(i + 1, [...acc, l]);
        };
        walk(0, []);
        expect(complementCost(segments, start, levels)).toBe(best);
      }),
      { numRuns: 1500 },
    );
  });

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
