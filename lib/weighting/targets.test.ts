import { describe, expect, it } from "vitest";
import { parseCsvTable } from "./csv";
import { caught } from "./weighting.fixtures";
import { normalizeTargets, targetsFromCsv } from "./targets";

describe("normalizeTargets", () => {
  it("takes shares, percentages and counts", () => {
    expect(normalizeTargets({ size: { a: 0.25, b: 0.75 } }, "share")).toEqual({ shares: { size: { a: 0.25, b: 0.75 } }, countTotal: null });
    expect(normalizeTargets({ size: { a: 25, b: 75 } }, "percent").shares.size.a).toBeCloseTo(0.25, 15);
    expect(normalizeTargets({ size: { a: 250, b: 750 }, sex: { m: 500, f: 500 } }, "count")).toEqual({
      shares: { size: { a: 0.25, b: 0.75 }, sex: { m: 0.5, f: 0.5 } },
      countTotal: 1000,
    });
  });

  it("says which variable does not add up", () => {
    expect(caught(() => normalizeTargets({ country: { a: 0.5, b: 0.5 }, size: { a: 0.5, b: 0.47 } }, "share")).message).toBe(
      "targets do not sum to 1: size (0.97)",
    );
    expect(caught(() => normalizeTargets({ size: { a: 50, b: 47 } }, "percent")).message).toBe("targets do not sum to 100: size (97)");
    expect(caught(() => normalizeTargets({ size: { a: 500, b: 500 }, country: { a: 990 } }, "count")).message).toBe(
      "target totals differ: country (990) vs size (1000)",
    );
    expect(caught(() => normalizeTargets({ size: {} }, "share")).message).toBe("no target categories: size");
  });
});

describe("targetsFromCsv", () => {
  it("reads variable,category,target rows", () => {
    const csv = "variable,category,target\ncountry,US,0.6\ncountry,UK,0.4\nsize,\"1,000+\",1\n";
    expect(targetsFromCsv(csv)).toEqual({ country: { US: 0.6, UK: 0.4 }, size: { "1,000+": 1 } });
  });

  it("rejects bad files clearly", () => {
    expect(caught(() => targetsFromCsv("var,cat,x\na,b,1\n")).message).toBe("invalid targets csv: header (need variable,category,target; got var,cat,x)");
    expect(caught(() => targetsFromCsv("variable,category,share\na,b,x\n")).message).toBe(
      'invalid targets csv: row 1 (target "x" is not a non-negative number)',
    );
    expect(caught(() => targetsFromCsv("variable,category,share\na,b,1\na,b,2\n")).message).toBe("invalid targets csv: duplicate category a=b");
  });
});

describe("parseCsvTable", () => {
  it("keeps empty cells as missing and skips blank lines", () => {
    expect(parseCsvTable('\uFEFF"id","size"\n1,small\n\n2,\n')).toEqual({ header: ["id", "size"], rows: [["1", "small"], ["2", ""]] });
  });

  it("rejects ragged rows", () => {
    expect(caught(() => parseCsvTable("a,b\n1,2,3\n")).message).toBe("malformed csv: ragged row: line 2 has 3 cells, the header 2");
  });
});
