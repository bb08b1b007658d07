import { describe, expect, it } from "vitest";
import { weightingReportSchema } from "@/lib/schema/weighting";
import { computeWeights, parseScheme } from "./compute-weights";
import { caught } from "./weighting.fixtures";

const table = {
  header: ["id", "size", "sex", "bw"],
  rows: [
    ["1", "small", "m", "1"],
    ["2", "small", "f", "2"],
    ["3", "large", "m", "1"],
    ["4", "", "f", "1"],
    ["5", "large", "f", ""],
    ["6", "small", "m", "1"],
  ],
};

describe("computeWeights", () => {
  it("rakes, with null for rows missing a weighting variable", () => {
    const { weights, report } = computeWeights(table, { method: "rake", targets: { size: { small: 0.5, large: 0.5 } } });
    expect(weights).toEqual([5 / 6, 5 / 6, 1.25, null, 1.25, 5 / 6]);
    expect(report.rows).toEqual({ total: 6, weighted: 5, excluded_missing: 1 });
    expect(report.weights.sum).toBeCloseTo(5, 12);
    expect(report.margins).toEqual([
      { match: { size: "small" }, target: 0.5, achieved: expect.closeTo(0.5, 12), n: 3 },
      { match: { size: "large" }, target: 0.5, achieved: expect.closeTo(0.5, 12), n: 2 },
    ]);
    expect(report.convergence).toMatchObject({ converged: true, iterations: 1 });
    expect(() => weightingReportSchema.parse(report)).not.toThrow();
  });

  it("uses a base weight column and skips rows without one", () => {
    const { weights } = computeWeights(table, { method: "rake", targets: { size: { small: 0.5, large: 0.5 } }, base_weight: "bw" });
    expect(weights).toEqual([0.5, 1, 2, null, null, 0.5]);
  });

  it("post-stratifies on cells; counts make the weights sum to the population", () => {
    const cells = [
      { match: { size: "small", sex: "m" }, share: 300 },
      { match: { size: "small", sex: "f" }, share: 200 },
      { match: { size: "large", sex: "m" }, share: 250 },
      { match: { size: "large", sex: "f" }, share: 250 },
    ];
    const { weights, report } = computeWeights(table, { method: "cell", units: "count", cells });
    expect(weights).toEqual([150, 200, 250, null, 250, 150]);
    expect(report.weights.sum).toBe(1000);
    expect(report.margins[0]).toEqual({ match: { size: "small", sex: "m" }, target: 0.3, achieved: 0.3, n: 2 });
  });

  it("weights each group with its own scheme", () => {
    const { weights, report } = computeWeights(table, {
      method: "group",
      by: "sex",
      groups: [
        { value: "m", share: 0.4, scheme: { method: "rake", targets: { size: { small: 0.5, large: 0.5 } } } },
        { value: "f", share: 0.6, scheme: { method: "rake", targets: { size: { small: 0.5, large: 0.5 } } } },
      ],
    });
    // 5 rows weighted: m gets 2 (small 1 + 1, large 1 → 0.5 each / 1), f gets 3 (small 1.5, large 1.5)
    expect(weights).toEqual([0.5, 1.5, 1, null, 1.5, 0.5]);
    expect(report.groups?.map((g) => [g.value, g.n, g.achieved])).toEqual([
      ["m", 3, 0.4],
      ["f", 2, 0.6],
    ]);
    expect(report.margins.filter((m) => m.group === "sex=f")).toHaveLength(2);
  });

  it("reports bounds and extreme weights", () => {
    const { report } = computeWeights(table, { method: "rake", targets: { size: { small: 0.2, large: 0.8 } }, bounds: { ratio: 3 }, extreme_ratio: 1.5 });
    expect(report.bounds).toMatchObject({ min: 1 / 3, max: 3 });
    expect(report.extreme.count).toBe(5);
    expect(report.extreme.rows[0]).toMatchObject({ row: 1, relative: expect.closeTo(1 / 3, 12) });
  });

  it("gives clear errors", () => {
    const rake = (targets: object, extra: object = {}) => caught(() => computeWeights(table, { method: "rake", targets, ...extra }));
    expect(rake({ sise: { a: 1 } }).message).toBe("unknown column: sise");
    expect(rake({ size: { small: 0.5, large: 0.3, medium: 0.2 } }).message).toBe("target category absent from data: size=medium");
    expect(rake({ size: { small: 0.5, large: 0.47 } }).message).toBe("targets do not sum to 1: size (0.97)");
    expect(rake({ size: { small: 1 } }).message).toBe(
      "some rows have a category of size without a target: give every category of size a target, or mark the others missing",
    );
    expect(rake({ size: { small: 0.5, large: 0.5 } }, { base_weight: "id", bounds: { min: 0.9, max: 1.1 } }).kind).toBe("impossible_targets");
    expect(caught(() => computeWeights({ header: ["a", "w"], rows: [["x", "-1"]] }, { method: "rake", targets: { a: { x: 1 } }, base_weight: "w" })).message).toBe(
      "invalid base weight: column w has values that are not positive numbers (weights must be > 0, or empty for missing)",
    );
    expect(caught(() => computeWeights({ header: ["a"], rows: [[""]] }, { method: "rake", targets: { a: { x: 1 } } })).message).toBe(
      "no rows to weight: every row misses a weighting variable",
    );
    const group = (groups: object[]) => caught(() => computeWeights(table, { method: "group", by: "sex", groups }));
    const sub = { method: "rake", targets: { size: { small: 0.5, large: 0.5 } } };
    expect(group([{ value: "m", scheme: sub }]).message).toBe(
      "some rows have a value of sex without a group: add a group for every value of sex, or mark it missing",
    );
    expect(group([{ value: "m", share: 1, scheme: sub }, { value: "f", scheme: sub }]).message).toBe("group share missing: sex=f");
    expect(group([{ value: "m", scheme: { method: "rake", targets: { size: { small: 1 } } } }, { value: "f", scheme: sub }]).message).toBe(
      "some rows have a category of size without a target: give every category of size a target, or mark the others missing; group sex=m",
    );
  });
});

describe("parseScheme", () => {
  it("fills defaults", () => {
    expect(parseScheme({ method: "rake", targets: { a: { x: 1 } } })).toMatchObject({ units: "share", tolerance: 1e-10, max_iterations: 1000 });
  });

  it("turns schema errors into one line", () => {
    const e = caught(() => parseScheme({ method: "rake", targets: { a: { x: "1" } }, bound: {} }));
    expect(e.message).toMatch(/^invalid scheme: /);
    expect(e.message).not.toContain("\n");
    expect(caught(() => parseScheme({ method: "rake", targets: { a: { x: 1 } }, bounds: { min: 0.5, ratio: 2 } })).message).toBe(
      "invalid scheme: bounds: give either ratio or min/max, not both",
    );
  });
});
