import { describe, expect, it } from "vitest";
import { computeCellSums } from "@/lib/engine";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import { computeCrosstab } from "./crosstab";
import { assignLetters, columnLetter } from "./letters";
import { lowBaseFlags } from "./low-base";
import { adjustPValues } from "./multiple-comparisons";

// A: 90 % yes, B: 50 %, C: 45 % (100 rows each), D: 3 rows (low base)
const rows: string[][] = [];
const add = (seg: string, yes: number, n: number) => {
  for (let i = 0; i < n; i++) rows.push([i < yes ? "Yes" : "No", seg]);
};
add("A", 90, 100);
add("B", 50, 100);
add("C", 45, 100);
add("D", 1, 3);
const result = computeCrosstab(
  computeCellSums({ header: ["q", "seg"], rows }, crosstabSpecSchema.parse({ outcome: "q", outcome_category: "Yes", segment: "seg" })),
);

describe("assignLetters", () => {
  it("gives a column the letters of the columns it is significantly higher than", () => {
    const letters = assignLetters(result);
    expect(letters.map((l) => [l.column_letter, l.text])).toEqual([["A", "BCd"], ["B", ""], ["C", ""], ["D", ""]]);
    const mark = letters[0].marks[0];
    expect(mark).toMatchObject({ versus: "B", strength: "upper", test: "weighted_z", correction: "none", df: null, n_eff: 100, n_eff_versus: 100 });
    expect(mark.statistic).toBeGreaterThan(0);
    expect(mark.diff).toBeCloseTo(0.4, 12);
  });

  it("uses lowercase between the two levels and respects the chosen test", () => {
    const letters = assignLetters(result, { test: "unweighted", upper: 1e-30, lower: 0.05 });
    expect(letters[0].text).toBe("bcd");
    const t = assignLetters(result, { test: "svyttest" });
    expect(t[0].marks[0].df).toBe(198);
  });

  it("corrections can only remove letters; low-base columns can be left out", () => {
    const holm = assignLetters(result, { correction: "bonferroni" });
    expect(holm[0].marks.every((m) => m.adjusted_p >= m.p)).toBe(true);
    const noLow = assignLetters(result, { minEffectiveN: 30 });
    expect(noLow[0].text).toBe("BC");
  });

  it("labels columns A…Z, AA…", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
  });
});

describe("adjustPValues", () => {
  it("matches R's p.adjust", () => {
    expect(adjustPValues([0.01, 0.04, null, 0.03], "holm")).toEqual([0.03, 0.06, null, 0.06]);
    expect(adjustPValues([0.01, 0.5, null], "bonferroni")).toEqual([0.02, 1, null]);
    expect(adjustPValues([0.2, null], "none")).toEqual([0.2, null]);
  });
});

describe("lowBaseFlags", () => {
  it("flags cells under the minimum effective n (default 30)", () => {
    const flags = lowBaseFlags(result);
    expect(flags.map((f) => [f.segment, f.low_base])).toEqual([[null, false], ["A", false], ["B", false], ["C", false], ["D", true]]);
    expect(lowBaseFlags(result, { minEffectiveN: 200 }).filter((f) => f.low_base)).toHaveLength(4);
  });
});
