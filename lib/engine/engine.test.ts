import { describe, expect, it } from "vitest";
import { crosstabSpecSchema } from "@/lib/schema/crosstab-spec";
import { compareBytes, computeCellSums, parseRNumeric } from "./index";

describe("parseRNumeric (R's as.numeric)", () => {
  it.each([
    [" 4.5 ", 4.5], ["1e3", 1000], ["-.5", -0.5], ["5.", 5], ["+2", 2], ["0x1A", 26], ["1e", 1], ["\t7\n", 7],
  ])("%j → %d", (s, v) => expect(parseRNumeric(s)).toBe(v));
  it.each(["", "NA", "NaN", "Inf", "-inf", "1,5", "abc", ".", "1e999", "4 5"])("%j → null", (s) => expect(parseRNumeric(s)).toBeNull());
});

describe("compareBytes", () => {
  it("sorts in byte (code point) order, not locale order", () => {
    expect(["b", "Café", "B", "a", "Zed", "é"].sort(compareBytes)).toEqual(["B", "Café", "Zed", "a", "b", "é"]);
    expect(["\u{1F600}", "\uFFFD"].sort(compareBytes)).toEqual(["\uFFFD", "\u{1F600}"]);
  });
});

describe("computeCellSums", () => {
  const header = ["q", "seg", "w", "f"];
  const rows = [
    ["Yes", "A", "1", "keep"],
    ["No", "B", "2", "keep"],
    ["", "A", "1", "keep"], // missing outcome
    ["Yes", "", "1", "keep"], // missing segment
    ["No", "B", "0", "keep"], // invalid weight
    ["No", "B", "abc", "keep"], // invalid weight
    ["Yes", "C", "1", "drop"], // filtered (C still a level: levels come before filters)
    ["Yes", "A", "1", ""], // empty never passes a filter
  ];
  const spec = crosstabSpecSchema.parse({ outcome: "q", outcome_category: "Yes", segment: "seg", weight: "w", filters: { f: "keep" } });

  it("applies the exclusions in order and counts them", () => {
    const input = computeCellSums({ header, rows }, spec);
    expect(input.rows).toEqual({ csv: 8, after_filters: 6, excluded_missing_outcome: 1, excluded_missing_segment: 1, excluded_invalid_weight: 2, analytic: 2 });
    expect(input.segmentLevels).toEqual(["A", "B", "C"]);
    expect(input.cells).toHaveLength(2);
    expect(input.cells.find((c) => c.segment === "B")).toMatchObject({ outcome: "No", n: 1, sw: 2, sw2: 4, sy: 0 });
  });

  it("treats the literal NA as a value and explicit levels as the segment universe", () => {
    const input = computeCellSums(
      { header, rows: [["NA", "A", "1", "keep"], ["Yes", "B", "1", "keep"]] },
      crosstabSpecSchema.parse({ outcome: "q", outcome_category: "Yes", segment: "seg", segment_levels: ["A"] }),
    );
    expect(input.rows.excluded_missing_segment).toBe(1);
    expect(input.cells).toEqual([expect.objectContaining({ segment: "A", outcome: "NA", n: 1 })]);
  });

  it("rejects unknown columns", () => {
    expect(() => computeCellSums({ header, rows }, crosstabSpecSchema.parse({ outcome: "nope", outcome_category: "x", segment: "seg" }))).toThrow(
      "column not in csv: nope",
    );
  });
});
