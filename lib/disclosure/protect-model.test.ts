import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_MAGNITUDE_RULES } from "./magnitude";
import { checkModelRows, type ModelRows } from "./protect-model";

const linear = (rows: string[][], extra: Partial<ModelRows> = {}): ModelRows => ({ model: "linear", rows, outcome: 0, weight: -1, predictors: [{ column: 1, kind: "categorical" }], outcomeCategories: [], ...extra });
const many = (n: number, level: string, y = (i: number) => String(3 + (i % 3))) => Array.from({ length: n }, (_, i) => [y(i), level]);

describe("model rules for aggregate-only audiences", () => {
  it("refuses a model on fewer than k rows (the intercept of a 3-person filter is a person's value)", () => {
    expect(checkModelRows(linear([["41000", "a"], ["52000", "a"], ["38000", "b"]]), 5, DEFAULT_MAGNITUDE_RULES).rules).toContain("min_rows");
  });

  it("refuses a predictor level of 1..k−1 rows, but not a level of none", () => {
    expect(checkModelRows(linear([...many(20, "a"), ...many(1, "b")]), 5, DEFAULT_MAGNITUDE_RULES)).toEqual({ ok: false, rules: ["level_count"] });
    expect(checkModelRows(linear([...many(20, "a"), ...many(6, "b")]), 5, DEFAULT_MAGNITUDE_RULES)).toEqual({ ok: true, rules: [] });
  });

  it("refuses a logistic outcome class of 1..k−1 rows, overall or within a level", () => {
    const rows = [...many(20, "a", (i) => (i % 2 ? "Yes" : "No")), ...many(10, "b", (i) => (i === 0 ? "No" : "Yes"))];
    expect(checkModelRows(linear(rows, { model: "logistic", outcomeCategories: ["Yes"] }), 5, DEFAULT_MAGNITUDE_RULES).rules).toEqual(["outcome_class"]);
  });

  it("refuses a linear outcome dominated by one respondent, and dominant weights", () => {
    const rows = [["9876543", "a"], ...many(20, "a", (i) => String(30000 + i))];
    expect(checkModelRows(linear(rows), 5, DEFAULT_MAGNITUDE_RULES).rules).toEqual(["magnitude"]);
    const weighted = many(20, "a").map((r, i) => [...r, i === 0 ? "500" : "1"]);
    expect(checkModelRows(linear(weighted, { weight: 2 }), 5, DEFAULT_MAGNITUDE_RULES).rules).toEqual(["magnitude"]);
  });

  it("ignores incomplete rows and numeric predictors' levels", () => {
    const rows = [...many(20, "a"), ["", "b"], ["4", ""]];
    expect(checkModelRows(linear(rows), 5, DEFAULT_MAGNITUDE_RULES).ok).toBe(true);
    expect(checkModelRows(linear(many(20, "x").map((r, i) => [r[0], String(i)]), { predictors: [{ column: 1, kind: "numeric" }] }), 5, DEFAULT_MAGNITUDE_RULES).ok).toBe(true);
  });

  it("property: any categorical level with 1..k−1 complete rows refuses the model", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 40 }), (small, big) => {
        const rows = [...many(big, "big"), ...many(small, "small")];
        return !checkModelRows(linear(rows), 5, DEFAULT_MAGNITUDE_RULES).ok;
      }),
    );
  });
});
