import { describe, expect, it } from "vitest";
import type { ProportionCrosstabResult } from "@/lib/schema/crosstab-result";
import { protectCrosstab, type ProtectedCrosstab } from "./index";
import { crosstabOf, numbersIn, rep, type Row } from "./disclosure.fixtures";

const seg = (p: ProtectedCrosstab, s: string) => p.segments.find((x) => x.segment === s)!;
const yesNo = (s: string, yes: number, no: number): Row[] => [...rep(yes, ["Yes", s, "x"]), ...rep(no, ["No", s, "x"])];
const hiddenFields = (b: object) => Object.fromEntries(Object.entries(b).filter(([key]) => key !== "segment"));

describe("protectCrosstab: nothing small", () => {
  const result = crosstabOf([...yesNo("A", 10, 10), ...yesNo("B", 8, 12), ...yesNo("C", 6, 9)]) as ProportionCrosstabResult;
  const p = protectCrosstab(result, { k: 5 });

  it("keeps every block, pair and test", () => {
    expect(p.total.n).toBe(55);
    expect(p.segments.map((s) => [s.segment, s.n, s.suppressed])).toEqual([["A", 20, false], ["B", 20, false], ["C", 15, false]]);
    expect(seg(p, "A")).toMatchObject({ count: 10, unweighted: result.segments[0].unweighted, display: null });
    expect(p.pairwise).toHaveLength(3);
    expect(p.statistic === "proportion" && p.chisq.full?.n).toBe(55);
    expect(p.disclosure).toEqual({ k: 5, sensitive: false, role: "viewer", suppressedSegments: [], totalSuppressed: false, blocked: false, reason: [] });
  });

  it("never mutates its input and drops unknown top-level fields", () => {
    const input = { ...structuredClone(result), secret: 3 };
    const before = JSON.stringify(input);
    const out = protectCrosstab(input, { k: 5 });
    expect(JSON.stringify(input)).toBe(before);
    expect(out).not.toHaveProperty("secret");
    expect(out.segments[0]).not.toBe(input.segments[0]);
  });
});

describe("protectCrosstab: small cells", () => {
  it("hides a cell under k with everything derived from it, and its complement", () => {
    const p = protectCrosstab(crosstabOf([...yesNo("A", 20, 20), ...yesNo("B", 6, 6), ...yesNo("C", 0, 3)]), { k: 5 });
    expect(seg(p, "C")).toEqual({
      segment: "C", n: null, weighted_n: null, sum_w2: null, n_eff_kish: null, deff_kish: null, suppressed: true,
      count: null, weighted_count: null, count_suppressed: true, unweighted: null, weighted: null, display: "< 5",
    });
    // 55 − 40 − 12 would give C's 3 back, so the next smallest (B, n = 12) goes too
    expect(seg(p, "B").suppressed).toBe(true);
    expect(seg(p, "A").n).toBe(40);
    expect(p.pairwise).toEqual([]);
    expect(p.statistic === "proportion" && p.chisq).toEqual({ full: null, binary: null });
    expect(p.rows?.analytic_with_segment).toBeNull();
    expect(p.disclosure.suppressedSegments).toEqual(["B", "C"]);
    expect(p.disclosure.reason).toEqual(["complementary: B", "small cell: C"]);
  });

  it("keeps chi-square statistics but not the table total while two segments remain", () => {
    const p = protectCrosstab(crosstabOf([...yesNo("A", 20, 20), ...yesNo("B", 6, 6), ...yesNo("C", 10, 10), ...yesNo("D", 1, 1)]), { k: 5 });
    expect(p.disclosure.suppressedSegments).toEqual(["B", "D"]);
    expect(p.pairwise.map((x) => [x.a, x.b])).toEqual([["A", "C"]]);
    if (p.statistic !== "proportion") throw new Error("statistic: expected proportion");
    expect(p.chisq.full).toMatchObject({ n: null, rows_used: ["A", "B", "C", "D"] });
    expect(p.chisq.full?.unweighted?.p_value).toEqual(expect.any(Number));
    expect(p.chisq.full?.unweighted).not.toHaveProperty("min_expected");
  });

  it("hides the count, complement and estimates of a cell with 1..k−1 in the category, keeping n", () => {
    const p = protectCrosstab(crosstabOf([...yesNo("A", 20, 20), ...yesNo("B", 2, 18), ...yesNo("C", 10, 10)]), { k: 5 });
    expect(seg(p, "B")).toMatchObject({ n: 20, suppressed: false, count_suppressed: true, count: null, unweighted: null, weighted: null, display: "< 5" });
    // total count 32 − 20 − 10 = 2 would give B's count back: C's count is hidden too
    expect(seg(p, "C")).toMatchObject({ n: 20, count: null, count_suppressed: true });
    expect(p.disclosure.reason).toEqual(["small count: B", "complementary: C"]);
    expect(p.pairwise.map((x) => [x.a, x.b])).toEqual([]);
  });

  it("treats rows without a segment (in the total) as a cell: 22 − 20 would show them", () => {
    const rows = [...yesNo("A", 10, 10), ...rep(2, ["Yes", "", "x"])];
    const p = protectCrosstab(crosstabOf(rows, { missing_segment: "include_in_total" }), { k: 5 });
    expect(p.total).toMatchObject({ n: 22, count: 12 });
    expect(seg(p, "A")).toMatchObject({ n: null, suppressed: true });
    expect(p.disclosure.reason).toEqual(["complementary: A"]);
  });

  it("hides a total under k and the row accounting with it", () => {
    const p = protectCrosstab(crosstabOf([...yesNo("A", 1, 1), ...yesNo("B", 1, 0)]), { k: 5 });
    expect(numbersIn({ total: p.total, segments: p.segments, pairwise: p.pairwise, rows: p.rows })).toEqual([]);
  });

  it("hides small exclusion counts that would tell how many skipped the question", () => {
    const p = protectCrosstab(crosstabOf([...yesNo("A", 10, 10), ...rep(2, ["", "A", "x"])]), { k: 5 });
    expect(p.rows).toMatchObject({ csv: 22, analytic: 20, after_filters: null, excluded_missing_outcome: null });
  });

  it("protects means the same way", () => {
    const rows = [...rep(8, ["4", "A", "x"]), ...rep(6, ["2", "B", "x"]), ...rep(2, ["1", "C", "x"])];
    const p = protectCrosstab(crosstabOf(rows, { statistic: "mean" }), { k: 5 });
    expect(p.segments.map((s) => s.suppressed)).toEqual([false, true, true]);
    expect(seg(p, "A").unweighted?.mean).toBe(4);
    expect(seg(p, "C")).toMatchObject({ n: null, unweighted: null, weighted: null, display: "< 5" });
  });
});

describe("protectCrosstab: zeros and settings", () => {
  const rows = [...yesNo("A", 10, 10), ...yesNo("B", 7, 7), ...yesNo("C", 2, 1)];
  const withZero = () => crosstabOf(rows, { segment_levels: ["A", "B", "C", "Z"] });

  it("shows a zero cell as 0 unless the breakdown is sensitive", () => {
    expect(seg(protectCrosstab(withZero(), { k: 5 }), "Z")).toMatchObject({ n: 0, suppressed: false });
  });

  it("makes a zero look exactly like a suppressed cell when sensitive", () => {
    const p = protectCrosstab(withZero(), { k: 5, sensitive: true });
    expect(hiddenFields(seg(p, "Z"))).toEqual(hiddenFields(seg(p, "C")));
    expect(p.disclosure.reason).toContain("zero cell: Z");
    // rows_used would list C but not Z
    expect(p.statistic === "proportion" && p.chisq).toEqual({ full: null, binary: null });
    const plain = protectCrosstab(withZero(), { k: 5 });
    expect(plain.statistic === "proportion" && plain.chisq.full).toMatchObject({ n: null, rows_used: ["A", "B", "C"] });
  });

  it("hides a category count of zero when sensitive", () => {
    const p = protectCrosstab(crosstabOf([...yesNo("A", 10, 10), ...yesNo("B", 0, 9), ...yesNo("C", 6, 6)]), { k: 5, sensitive: true });
    expect(seg(p, "B")).toMatchObject({ n: 9, count: null, count_suppressed: true, display: "< 5" });
  });

  it("uses the workspace k and validates it", () => {
    const p = protectCrosstab(withZero(), { k: 3, role: "analyst" });
    expect(seg(p, "C").n).toBe(3);
    expect(p.disclosure).toMatchObject({ k: 3, role: "analyst" });
    expect(() => protectCrosstab(withZero(), { k: 2 })).toThrow(/k: must be at least 3/);
    expect(() => protectCrosstab(withZero(), { k: 4.5 })).toThrow(/k: must be an integer/);
  });
});

describe("magnitude rule on the effective base", () => {
  it("hides a weighted cell whose weights leave fewer than k effective respondents, and a complement", async () => {
    const { computeCellSums } = await import("@/lib/engine");
    const { computeCrosstab } = await import("@/lib/stats");
    const { crosstabSpecSchema } = await import("@/lib/schema/crosstab-spec");
    // segment B: 8 respondents, one carries most of the weight (effective n ≈ 1.4); the total's is ≈ 13.5
    const rows: string[][] = [];
    for (let i = 0; i < 30; i++) rows.push([String(3 + (i % 3)), "A", "1"]);
    for (let i = 0; i < 25; i++) rows.push([String(2 + (i % 4)), "C", "1"]);
    rows.push(["5", "B", "20"]);
    for (let i = 0; i < 7; i++) rows.push(["1", "B", "0.5"]);
    const spec = crosstabSpecSchema.parse({ outcome: "q", statistic: "mean", segment: "seg", weight: "w" });
    const result = computeCrosstab(computeCellSums({ header: ["q", "seg", "w"], rows }, spec));
    const shown = protectCrosstab(result, { k: 5 });
    const b = shown.segments.find((s) => s.segment === "B")!;
    expect(b).toMatchObject({ n: null, suppressed: true, display: "eff. n < 5" });
    expect(shown.total).toMatchObject({ suppressed: false });
    expect(JSON.stringify(b)).not.toMatch(/"mean"/);
    // B's weighted mean must not come back as total − shown: a complement is hidden too
    expect(shown.segments.filter((s) => s.suppressed).length).toBe(2);
    expect(shown.segments.find((s) => s.segment === "C")).toMatchObject({ suppressed: true, display: "—" });
    expect(shown.disclosure.reason).toContain("low effective base: B");
    // unweighted, the same rows show B (n = 8 is not small)
    const plain = protectCrosstab(computeCrosstab(computeCellSums({ header: ["q", "seg", "w"], rows }, crosstabSpecSchema.parse({ outcome: "q", statistic: "mean", segment: "seg" }))), { k: 5 });
    expect(plain.segments.find((s) => s.segment === "B")).toMatchObject({ n: 8, suppressed: false });
  });
});
