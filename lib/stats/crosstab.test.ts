import { describe, expect, it } from "vitest";
import { computeCellSums } from "@/lib/engine";
import { crosstabSpecSchema, type CrosstabSpecInput } from "@/lib/schema/crosstab-spec";
import { crosstabResultSchema, type MeanCrosstabResult, type ProportionCrosstabResult } from "@/lib/schema/crosstab-result";
import { AppError } from "@/lib/schema/errors";
import { computeCrosstab } from "./crosstab";
import { qt } from "./distributions";

const header = ["q", "seg", "w", "x"];
// seg A: n = 1 (p = 1); B: p = 0 (3 rows); C: n = 2, one yes (df = 1); D: never present (explicit level)
const rows = [
  ["Yes", "A", "2", "5"],
  ["No", "B", "1", "1"],
  ["No", "B", "3", "2"],
  ["Maybe", "B", "1", "3"],
  ["Yes", "C", "1", "4"],
  ["No", "C", "1", "6"],
];
const run = (spec: CrosstabSpecInput, r = rows) =>
  computeCrosstab(computeCellSums({ header, rows: r }, crosstabSpecSchema.parse(spec)));
const prop = (extra: Partial<CrosstabSpecInput> = {}) =>
  run({ outcome: "q", outcome_category: "Yes", segment: "seg", weight: "w", segment_levels: ["A", "B", "C", "D"], ...extra }) as ProportionCrosstabResult;
const seg = (r: ProportionCrosstabResult, s: string) => r.segments.find((x) => x.segment === s)!;

describe("computeCrosstab (proportions)", () => {
  it("produces a schema-valid result with no NaN or Infinity", () => {
    const r = prop();
    expect(() => crosstabResultSchema.parse(r)).not.toThrow();
    expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
  });

  it("n = 1 and p = 1: zero design SE, undefined df-based intervals", () => {
    const a = seg(prop(), "A");
    expect(a.n).toBe(1);
    expect(a.unweighted?.p).toBe(1);
    expect(a.unweighted?.se_unbiased).toBeNull();
    expect(a.unweighted?.ci.wilson?.[1]).toBe(1);
    expect(a.unweighted?.ci.clopper_pearson?.[1]).toBe(1);
    expect(a.weighted?.df).toBe(0);
    expect(a.weighted?.se).toBe(0);
    expect(a.weighted?.degenerate_p).toBe(true);
    expect(a.weighted?.ci.svyciprop_logit).toBeNull();
    expect(a.weighted?.ci.svyciprop_beta).toBeNull();
    expect(a.weighted?.ci.svyciprop_mean).toBeNull();
  });

  it("p = 0: Wilson and Clopper–Pearson start at 0, design intervals undefined", () => {
    const b = seg(prop(), "B");
    expect(b.count).toBe(0);
    expect(b.unweighted?.ci.wilson?.[0]).toBe(0);
    expect(b.unweighted?.ci.clopper_pearson?.[0]).toBe(0);
    expect(b.unweighted?.ci.clopper_pearson?.[1]).toBeCloseTo(1 - 0.025 ** (1 / 3), 14);
    expect(b.weighted?.p).toBe(0);
    expect(b.weighted?.ci.wald).toEqual([0, 0]);
    expect(b.weighted?.ci.svyciprop_logit).toBeNull();
  });

  it("df = 1: R's svyglm logit interval overflows to null, xlogit does not", () => {
    const c = seg(prop(), "C");
    expect(c.weighted?.df).toBe(1);
    expect(c.weighted?.ci.svyciprop_logit).toBeNull();
    expect(c.weighted?.ci.svyciprop_xlogit).not.toBeNull();
    const half = qt(0.975, 1) * c.weighted!.se!;
    expect(c.weighted?.ci.svyciprop_mean?.[1]).toBeCloseTo(0.5 + half, 12);
  });

  it("empty segment: n 0, null statistics, pairs with a note", () => {
    const r = prop();
    const d = seg(r, "D");
    expect(d).toMatchObject({ n: 0, weighted_n: 0, n_eff_kish: null, unweighted: null, weighted: null });
    const pair = r.pairwise.find((p) => p.b === "D" && p.a === "A")!;
    expect(pair).toMatchObject({ note: "empty segment", unweighted: null, weighted: null, n_a: 1, n_b: 0 });
    expect(r.chisq.full?.rows_used).toEqual(["A", "B", "C"]);
  });

  it("equal weights: weighted = unweighted point estimates, deff 1, se = √(N/(N−1)·p(1−p)/n)", () => {
    const r = run({ outcome: "q", outcome_category: "Yes", segment: "seg" }) as ProportionCrosstabResult;
    const t = r.total;
    expect(t.weighted?.p).toBeCloseTo(t.unweighted!.p!, 15);
    expect(t.n_eff_kish).toBe(6);
    expect(t.deff_kish).toBe(1);
    const p = 2 / 6;
    expect(t.weighted?.se).toBeCloseTo(Math.sqrt((6 / 5) * (p * (1 - p)) / 6), 15);
  });

  it("pairwise signs and the z = t identity of svyttest", () => {
    const pair = prop().pairwise.find((p) => p.a === "A" && p.b === "C")!;
    expect(pair.weighted?.diff).toBeCloseTo(0.5, 15);
    expect(pair.weighted?.svyttest?.t).toBe(pair.weighted?.z);
    expect(pair.weighted?.svyttest?.df).toBe(1);
  });

  it("include_in_total keeps rows without a segment in the total only", () => {
    const withMissing = [...rows, ["Yes", "", "1", "1"]];
    const r = computeCrosstab(
      computeCellSums({ header, rows: withMissing }, crosstabSpecSchema.parse({ outcome: "q", outcome_category: "Yes", segment: "seg", missing_segment: "include_in_total" })),
    ) as ProportionCrosstabResult;
    expect(r.total.n).toBe(7);
    expect(r.rows.excluded_missing_segment).toBe(0);
    expect(r.chisq.binary?.n).toBe(6);
  });
});

describe("computeCrosstab (means)", () => {
  it("n = 1: no sd, no t interval; n = 2 uses t with 1 df", () => {
    const r = run({ outcome: "x", statistic: "mean", segment: "seg", weight: "w" }) as MeanCrosstabResult;
    const a = r.segments.find((s) => s.segment === "A")!;
    expect(a.unweighted).toMatchObject({ mean: 5, sd: null, se: null, ci: { t: null } });
    expect(a.weighted?.ci.t).toBeNull();
    const c = r.segments.find((s) => s.segment === "C")!;
    expect(c.unweighted?.sd).toBeCloseTo(Math.SQRT2, 14);
    expect(c.unweighted?.ci.t?.[1]).toBeCloseTo(5 + qt(0.975, 1) * 1, 12);
    expect(r.chisq).toBeNull();
    const ab = r.pairwise.find((p) => p.a === "A" && p.b === "B")!;
    expect(ab.unweighted?.welch).toBeNull();
  });
});

describe("computeCrosstab: nothing left to analyse", () => {
  it("is a 422 the caller can act on, with no count in the message", () => {
    let caught: unknown;
    try {
      run({ outcome: "q", outcome_category: "Yes", segment: "seg", filters: { seg: ["Z"] } });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).status).toBe(422);
    expect((caught as AppError).message).not.toMatch(/\d/);
  });
});
